package org.bulletinsearch.search.page;

/** Escaping text into HTML, and reading the few character references the engine's HTML encoder writes. */
final class Html {

    private Html() {
    }

    /** Text as HTML text or attribute value: {@code & < > " '} escaped. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * HTML text back to plain text: the named references {@code &amp; &lt; &gt; &quot; &apos;} and numeric ones
     * ({@code &#39;}, {@code &#x27;}); anything else, a lone {@code &} included, stays as it is.
     */
    static String unescape(String html) {
        if (html.indexOf('&') < 0) {
            return html;
        }
        StringBuilder out = new StringBuilder(html.length());
        int i = 0;
        while (i < html.length()) {
            char c = html.charAt(i);
            int semicolon = c == '&' ? html.indexOf(';', i) : -1;
            String decoded = semicolon > i && semicolon - i <= 10 ? reference(html.substring(i + 1, semicolon)) : null;
            if (decoded != null) {
                out.append(decoded);
                i = semicolon + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static String reference(String name) {
        switch (name) {
            case "amp": return "&";
            case "lt": return "<";
            case "gt": return ">";
            case "quot": return "\"";
            case "apos": return "'";
            default: break;
        }
        if (name.length() < 2 || name.charAt(0) != '#') {
            return null;
        }
        try {
            boolean hex = name.charAt(1) == 'x' || name.charAt(1) == 'X';
            int codePoint = Integer.parseInt(name.substring(hex ? 2 : 1), hex ? 16 : 10);
            boolean valid = Character.isValidCodePoint(codePoint) && codePoint != 0;
            return valid ? new String(Character.toChars(codePoint)) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
