package dev.resilient.filesystem;

import static dev.resilient.filesystem.FilesystemTestSupport.authed;
import static dev.resilient.filesystem.FilesystemTestSupport.save;
import static dev.resilient.filesystem.FilesystemTestSupport.uniqueProject;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/** Over HTTP: what one tenant may store is bounded in bytes, and the bound is that tenant's alone. */
@QuarkusTest
@TestProfile(SmallTenantBytesProfile.class)
class TenantBytesTest {

    @Test
    void aTenantPastItsBytesGets507JsonWhileAnotherTenantStillSaves() {
        String alice = uniqueProject("alice");
        String bob = uniqueProject("bob");
        save(alice + "__a", "docs/one.md", "x".repeat(900), "overwrite").statusCode(200);
        save(alice + "__b", "docs/two.md", "x".repeat(101), "overwrite").statusCode(507).contentType(ContentType.JSON)
                .body("error", equalTo("tenant storage full: at most 1000 bytes of files per tenant"
                        + " (filesystem.max-bytes-per-tenant); this tenant holds 900 and the request adds 101"))
                .body("error", not(containsString("alice")));
        authed().get("/projects/" + alice + "__b/files/docs/two.md").then().statusCode(404);

        save(bob + "__a", "docs/one.md", "x".repeat(1000), "overwrite").statusCode(200).body("size", equalTo(1000));

        save(alice + "__a", "docs/one.md", "x".repeat(799), "overwrite").statusCode(200); // frees 101 bytes
        save(alice + "__b", "docs/two.md", "x".repeat(101), "overwrite").statusCode(200);
    }
}
