#pragma once
// Price rows for the cost model's worked examples: only the figures an
// example needs, every other member at its default.

#include "makeorbuy/core/cost.hpp"

#include <string>
#include <utility>

namespace makeorbuy::test {

/// A per-token price row, USD per token.
inline ApiModel api_model(std::string id, double input, double output, std::string tier = "") {
    ApiModel model;
    model.id = std::move(id);
    model.input_per_token = input;
    model.output_per_token = output;
    model.source = "s";
    model.tier = std::move(tier);
    return model;
}

/// A serving profile: a model on `gpus` GPUs at `tokens_per_s` output tokens a second.
inline ServingProfile serving_profile(std::string id, std::string model, double gpus, double tokens_per_s,
                                      std::string tier = "") {
    ServingProfile serving;
    serving.id = std::move(id);
    serving.model = std::move(model);
    serving.gpus_per_replica = gpus;
    serving.output_tokens_per_s = tokens_per_s;
    serving.source = "s";
    serving.tier = std::move(tier);
    return serving;
}

} // namespace makeorbuy::test
