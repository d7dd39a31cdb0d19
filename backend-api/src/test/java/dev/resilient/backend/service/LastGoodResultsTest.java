package dev.resilient.backend.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.resilient.backend.api.SearchHit;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The last good search results, kept per project and query in the two-level cache. */
@QuarkusTest
class LastGoodResultsTest {

    private static final List<SearchHit> HITS = List.of(new SearchHit("lava", "A volcano erupts molten lava.", Map.of(), 0.1));

    @Inject
    LastGoodResults lastGood;

    private static Namespace freshProject(String user) {
        return Namespace.of(user, "p" + UUID.randomUUID().toString().substring(0, 8));
    }

    @Test
    void lookupIgnoresCaseAndSpacingOfTheQuery() {
        Namespace ns = freshProject("alice");
        lastGood.remember(ns, "Molten  Lava", HITS);
        assertEquals(Optional.of(HITS), lastGood.lookup(ns, "  molten lava "));
    }

    @Test
    void aCachedHitKeepsASnippetNotTheWholeDocument() {
        Namespace ns = freshProject("alice");
        lastGood.remember(ns, "big", List.of(new SearchHit("big", "w".repeat(84_000), Map.of(), 0.1)));
        assertEquals(LastGoodResults.SNIPPET_CHARS, lastGood.lookup(ns, "big").orElseThrow().get(0).text().length());
    }

    @Test
    void anotherProjectOrUserDoesNotSeeTheResult() {
        Namespace ns = freshProject("alice");
        lastGood.remember(ns, "lava", HITS);
        assertTrue(lastGood.lookup(new Namespace("alice", ns.project() + "x"), "lava").isEmpty());
        assertTrue(lastGood.lookup(new Namespace("bob", ns.project()), "lava").isEmpty());
    }

    @Test
    void forgetDropsEveryQueryOfThatProjectOnly() {
        Namespace changed = freshProject("alice");
        Namespace untouched = new Namespace("alice", changed.project() + "-2");
        lastGood.remember(changed, "lava", HITS);
        lastGood.remember(changed, "volcano", HITS);
        lastGood.remember(untouched, "lava", HITS);

        lastGood.forget(changed);

        assertTrue(lastGood.lookup(changed, "lava").isEmpty());
        assertTrue(lastGood.lookup(changed, "volcano").isEmpty());
        assertEquals(Optional.of(HITS), lastGood.lookup(untouched, "lava"));
    }
}
