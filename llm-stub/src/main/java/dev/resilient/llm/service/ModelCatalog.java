package dev.resilient.llm.service;

import dev.resilient.llm.config.LlmConfig;
import dev.resilient.llm.model.ModelInfo;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The models this provider serves: {@code llm.default-model} plus {@code llm.models}. */
@ApplicationScoped
public class ModelCatalog {

    private final String defaultModel;
    private final Set<String> models = new LinkedHashSet<>();
    private final String owner;

    ModelCatalog(LlmConfig config) {
        this.defaultModel = config.defaultModel().strip();
        this.models.add(defaultModel);
        config.models().stream().map(String::strip).filter(m -> !m.isEmpty()).forEach(models::add);
        this.owner = config.providerName();
    }

    /**
     * @param requested the request's model, or null for the default
     * @throws NotFoundException {@code model 'x' not found}, as OpenAI answers an unknown model
     */
    public String resolve(String requested) {
        if (requested == null) {
            return defaultModel;
        }
        if (!models.contains(requested)) {
            throw new NotFoundException("model '" + requested + "' not found");
        }
        return requested;
    }

    public List<ModelInfo> list() {
        return models.stream().map(this::info).toList();
    }

    /** @throws NotFoundException for a model this provider does not serve */
    public ModelInfo describe(String id) {
        return info(resolve(id));
    }

    private ModelInfo info(String id) {
        return new ModelInfo(id, "model", owner);
    }
}
