package dev.resilient.deploycheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.resilient.deploycheck.support.ConfigMappingNames;
import dev.resilient.deploycheck.support.Suite;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The env names deploy-check derives from the suite's real @ConfigMapping sources. */
class ConfigMappingNamesTest {

    private final Suite suite = Suite.get();

    private Set<String> namesOf(String source) {
        return ConfigMappingNames.of(Suite.read(suite.root().resolve(source)));
    }

    @Test
    void nestedGroupAddsItsAccessorToThePrefix() {
        Set<String> names = namesOf("backend-api/src/main/java/dev/resilient/backend/config/CacheConfig.java");
        assertEquals(Set.of("BACKEND_CACHE_SEARCH_TTL", "BACKEND_CACHE_LLM_TTL", "BACKEND_CACHE_SEARCH_MAX_BYTES",
                "BACKEND_CACHE_LLM_MAX_BYTES", "BACKEND_CACHE_MAX_ENTRY_BYTES", "BACKEND_CACHE_MEMORY_ENABLED",
                "BACKEND_CACHE_DISK_ENABLED", "BACKEND_CACHE_DISK_DIR", "BACKEND_CACHE_DISK_MAX_BYTES",
                "BACKEND_CACHE_REDIS_ENABLED", "BACKEND_CACHE_REDIS_KEY_PREFIX"), names);
    }

    @Test
    void withNameRenamesTheKeyAndMapKeysMatchAnySegment() {
        Set<String> names = namesOf("backend-api/src/main/java/dev/resilient/backend/config/BudgetConfig.java");
        assertTrue(names.contains("BACKEND_BUDGETS_DEADLINE_DEFAULT"), names.toString());
        assertFalse(names.contains("BACKEND_BUDGETS_DEADLINE_DEFAULT_BUDGET"), names.toString());
        assertTrue(ConfigMappingNames.matches(names, "BACKEND_BUDGETS_DEADLINE_ENDPOINTS_CHAT"), names.toString());
        assertFalse(ConfigMappingNames.matches(names, "BACKEND_BUDGETS_DEADLINE_ENDPOINTS"), names.toString());
        assertFalse(names.contains("BACKEND_BUDGETS_BUDGET_OF"), "a default method is no key: " + names);
    }

    @Test
    void mapOfGroupsReadsEachMembersKeys() {
        Set<String> names = namesOf("auth-stub/src/main/java/dev/resilient/auth/config/AuthConfig.java");
        assertTrue(ConfigMappingNames.matches(names, "AUTH_USERS_ALICE_PASSWORD"), names.toString());
        assertTrue(ConfigMappingNames.matches(names, "AUTH_USERS_ALICE_GROUPS"), names.toString());
        assertFalse(ConfigMappingNames.matches(names, "AUTH_USERS_ALICE_SECRET"), names.toString());
        assertTrue(names.contains("AUTH_TOKEN_LIFESPAN"), names.toString());
    }

    @Test
    void namedJobQueuesReadTheirOwnKeysBesideTheTopLevelDefaults() {
        Set<String> names = namesOf("backend-api/src/main/java/dev/resilient/backend/config/JobsConfig.java");
        assertTrue(names.containsAll(Set.of("BACKEND_JOBS_WORKERS", "BACKEND_JOBS_MAX_ATTEMPTS", "BACKEND_JOBS_BACKOFF_INITIAL",
                "BACKEND_JOBS_BACKOFF_FACTOR", "BACKEND_JOBS_BACKOFF_MAX")), names.toString());
        for (String key : new String[] {"WORKERS", "MAX_ATTEMPTS", "BACKOFF_INITIAL", "BACKOFF_FACTOR", "BACKOFF_MAX"}) {
            assertTrue(ConfigMappingNames.matches(names, "BACKEND_JOBS_QUEUES_ANALYSIS_" + key), key + ": " + names);
        }
        assertFalse(ConfigMappingNames.matches(names, "BACKEND_JOBS_QUEUES_ANALYSIS_LEASE"), names.toString());
        assertEquals(Set.of("BACKEND_ANALYSIS_CACHE_TTL", "BACKEND_ANALYSIS_MAX_CHARS"),
                namesOf("backend-api/src/main/java/dev/resilient/backend/config/AnalysisConfig.java"));
    }

    @Test
    void stringsHoldingCommentMarkersDoNotHideKeys() {
        Set<String> names = ConfigMappingNames.of("""
                @ConfigMapping(prefix = "demo")
                public interface Demo {
                    /** the {@code url} key */
                    @WithDefault("http://localhost:1/*x*/") // a comment
                    String url();

                    @WithParentName
                    Inner inner();

                    interface Inner {
                        int size();
                    }
                }
                """);
        assertEquals(Set.of("DEMO_URL", "DEMO_SIZE"), names);
    }
}
