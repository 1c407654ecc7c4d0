package org.bulletinsearch.search.page;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import java.util.List;

/**
 * The page templates ({@code src/main/resources/templates/}), checked at build time. Each page comes whole
 * ({@code search}) and as its {@code main} fragment ({@code search$main}), which htmx swaps into the page it is
 * on; {@code layout.html} is the frame around every page, {@code tags/hit.html} one result.
 */
@CheckedTemplate
public final class Pages {

    private Pages() {
    }

    public static native TemplateInstance search(SearchView view);

    public static native TemplateInstance search$main(SearchView view);

    public static native TemplateInstance suggestions(List<SuggestionView> suggestions);

    public static native TemplateInstance article(ArticleView view);

    public static native TemplateInstance article$main(ArticleView view);

    public static native TemplateInstance upload(UploadView view);

    public static native TemplateInstance upload$main(UploadView view);

    public static native TemplateInstance error(ErrorView view);

    public static native TemplateInstance error$main(ErrorView view);
}
