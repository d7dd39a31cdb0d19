package dev.resilient.filesystem.rest;

import dev.resilient.filesystem.model.FileContent;
import dev.resilient.filesystem.model.FileListing;
import dev.resilient.stubkit.model.ProjectIds;
import dev.resilient.filesystem.service.FileStore;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

@Path("/projects/{project_id}/files")
@Produces(MediaType.APPLICATION_JSON)
public class ProjectFilesResource {

    private final FileStore store;

    ProjectFilesResource(FileStore store) {
        this.store = store;
    }

    /**
     * Lists every file of the project with its path (relative, '/'-separated), size in bytes and
     * last modification, sorted by path. Answers 404 for a project without files, 400 for a
     * malformed project id.
     */
    @GET
    public FileListing list(
            @PathParam("project_id") @Pattern(regexp = ProjectIds.PATTERN, message = ProjectIds.MESSAGE) String projectId) {
        return store.list(projectId);
    }

    /**
     * Returns one file's text. Answers 400 when the path breaks the file path rules or would leave
     * the project folder (also when encoded, as {@code %2e%2e}), 404 for an unknown project or
     * file, 422 when the file is not UTF-8 text or larger than {@code filesystem.max-file-bytes}.
     */
    @GET
    @Path("{path: .+}")
    public FileContent read(
            @PathParam("project_id") @Pattern(regexp = ProjectIds.PATTERN, message = ProjectIds.MESSAGE) String projectId,
            @PathParam("path") String path) {
        return store.read(projectId, path);
    }
}
