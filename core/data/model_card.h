#pragma once
// The model card: MODEL.json beside MODEL.onnx, recording how inputs are normalised and what
// the classes are. Optional; a card that exists but cannot be read is an error naming it.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/util/status.h"

namespace ql::data {

struct ModelCard {
    std::filesystem::path file;
    std::optional<float> mean, std;       // input = (pixel/255 - mean) / std
    std::vector<std::string> classes;
};

// nullopt when the model has no card.
Expected<std::optional<ModelCard>> readModelCard(const std::filesystem::path& model);

}  // namespace ql::data
