package org.bulletinsearch.search.query;

/** No article with this id is in the index. */
public class ArticleNotFoundException extends RuntimeException {

    public ArticleNotFoundException(String id) {
        super("no article with id " + id + " is indexed");
    }
}
