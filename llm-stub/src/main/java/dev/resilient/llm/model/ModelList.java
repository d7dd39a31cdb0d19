package dev.resilient.llm.model;

import java.util.List;

/** Answer of {@code GET /v1/models}: {@code {"object": "list", "data": [...]}}. */
public record ModelList(String object, List<ModelInfo> data) {
}
