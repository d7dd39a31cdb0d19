package dev.resilient.backend.rest;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * {@code /dashboard} to {@code /dashboard/}: the page is a static file (META-INF/resources/dashboard/index.html),
 * which Quarkus serves for the folder path only. The page's links are relative to the folder.
 */
@ApplicationScoped
public class DashboardRedirect {

    void route(@Observes Router router) {
        router.getWithRegex("^/dashboard$").handler(rc -> rc.redirect("dashboard/"));
    }
}
