package dev.resilient.filesystem;

import dev.resilient.stubkit.testing.StubChaosContract;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;

@QuarkusTest
class FilesystemChaosContractTest extends StubChaosContract {

    @BeforeEach
    void saveAFile() {
        FilesystemTestSupport.save("contract", "notes.md", "contract notes", "overwrite").statusCode(200);
    }

    @Override
    protected String protectedGetPath() {
        return "/projects/contract/files";
    }

    @Override
    protected List<Endpoint> endpoints() {
        return List.of(Endpoint.post("/save_file"), Endpoint.get("/projects/contract/files"),
                Endpoint.get("/projects/contract/files/notes.md"), Endpoint.get("/projects/contract/search?q=notes"));
    }
}
