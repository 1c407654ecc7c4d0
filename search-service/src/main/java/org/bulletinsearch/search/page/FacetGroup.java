package org.bulletinsearch.search.page;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.bulletinsearch.search.query.FacetValue;

/**
 * One facet as a group of checkboxes: ticking several values of one facet finds articles with any of them.
 *
 * @param name the page's filter parameter ({@link SearchState#FILTERS})
 * @param label what the group is called on the page
 * @param options the values with their counts, most frequent first, and ticked values the counts left out
 */
public record FacetGroup(String name, String label, List<Option> options) {

    /**
     * One checkbox.
     *
     * @param id a stable DOM id (htmx gives focus back to it after the results are replaced)
     * @param count articles with this value under the other filters; null when the engine did not count it
     */
    public record Option(String id, String value, Long count, boolean checked) {
    }

    /**
     * @param counted the engine's values with counts (the facet's own selection is ignored in them)
     * @param ticked the values selected now, as the index holds them
     */
    static FacetGroup of(String name, String label, List<FacetValue> counted, List<String> ticked) {
        Set<String> selected = new LinkedHashSet<>(ticked);
        List<Option> options = new ArrayList<>();
        for (FacetValue value : counted) {
            options.add(new Option(id(name, value.value()), value.value(), value.count(),
                    selected.remove(value.value())));
        }
        for (String value : selected) {
            options.add(new Option(id(name, value), value, null, true));
        }
        return new FacetGroup(name, label, options);
    }

    private static String id(String name, String value) {
        return "f-" + name + "-" + Integer.toUnsignedString(value.hashCode(), 36);
    }
}
