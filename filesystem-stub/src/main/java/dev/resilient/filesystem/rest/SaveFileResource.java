package dev.resilient.filesystem.rest;

import dev.resilient.filesystem.model.SaveFileRequest;
import dev.resilient.filesystem.model.SaveFileResponse;
import dev.resilient.filesystem.service.FileStore;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

@Path("/save_file")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class SaveFileResource {

    private final FileStore store;

    SaveFileResource(FileStore store) {
        this.store = store;
    }

    /**
     * Writes {@code content} to {@code file_path} in the project's folder, creating the project
     * and parent folders as needed: {@code mode} {@code append} (default) adds to the end,
     * {@code overwrite} replaces the file atomically. The {@code X-User-ID} header the backend
     * sends is accepted and not used. Answers 200 with the size after the write and whether the
     * file is new; 400 for a malformed body, a bad project id or a file path that is absolute,
     * contains '..', '\', control characters or empty segments, or would leave the project folder;
     * 409 when the path names a folder or runs through a file; 413 for content over
     * {@code filesystem.max-content-bytes} or an append past {@code filesystem.max-file-bytes}; 507 when
     * the project's tenant (its id up to {@code __}) would hold more than {@code filesystem.max-bytes-per-tenant}
     * (an overwrite counts the difference in size; nothing is written).
     */
    @POST
    public SaveFileResponse save(@NotNull(message = "request body is required") @Valid SaveFileRequest request) {
        return store.save(request);
    }
}
