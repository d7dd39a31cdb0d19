package dev.resilient.filesystem.rest;

import dev.resilient.stubkit.model.ProjectIds;
import dev.resilient.filesystem.model.SearchResults;
import dev.resilient.filesystem.service.TextSearch;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

@Path("/projects/{project_id}/search")
@Produces(MediaType.APPLICATION_JSON)
public class SearchResource {

    private final TextSearch search;

    SearchResource(TextSearch search) {
        this.search = search;
    }

    /**
     * Case-insensitive full-text search over the project's text files: each file's score is the
     * number of occurrences of the query's whitespace-separated terms, the snippet about 160
     * characters around the first hit; best score first, ties by path. Answers 400 for a blank
     * {@code q}, one over 1000 characters or a {@code limit} outside 1..100, 404 for a project
     * without files. {@code under} (optional) searches one folder of the project only, e.g.
     * {@code docs} (the backend's ingested documents, without the chat history); 400 when it is not a
     * safe relative path (the rules of {@code file_path}).
     */
    @GET
    public SearchResults search(
            @PathParam("project_id") @Pattern(regexp = ProjectIds.PATTERN, message = ProjectIds.MESSAGE) String projectId,
            @QueryParam("q") @NotBlank @Size(max = 1000) String q,
            @QueryParam("limit") @DefaultValue("10") @Pattern(regexp = "0*(100|[1-9][0-9]?)", message = "must be an integer from 1 to 100") String limit,
            @QueryParam("under") String under) {
        // a String checked by pattern: an int parameter would turn "abc" into a 404, as JAX-RS requires
        return search.search(projectId, q, Integer.parseInt(limit), under);
    }
}
