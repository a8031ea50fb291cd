#include "core/data/model_card.h"

#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>

namespace ql::data {

Expected<std::optional<ModelCard>> readModelCard(const std::filesystem::path& model) {
    ModelCard card;
    card.file = model;
    card.file.replace_extension(".json");
    std::error_code ec;
    if (!std::filesystem::exists(card.file, ec)) return std::optional<ModelCard>();
    std::ifstream in(card.file);
    if (!in) return Status::error(card.file.string() + ": cannot open the model card");
    const nlohmann::json j = nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded() || !j.is_object()) return Status::error(card.file.string() + ": the model card is not a JSON object");
    for (auto [key, out] : {std::pair{"mean", &card.mean}, std::pair{"std", &card.std}}) {
        auto it = j.find(key);
        if (it == j.end()) continue;
        if (!it->is_number() || !std::isfinite(it->get<double>()))
            return Status::error(card.file.string() + ": '" + key + "' must be a number");
        *out = it->get<float>();
    }
    if (card.std && *card.std == 0.f) return Status::error(card.file.string() + ": 'std' must not be 0");
    if (auto it = j.find("classes"); it != j.end()) {
        if (!it->is_array()) return Status::error(card.file.string() + ": 'classes' must be a list of names");
        for (const auto& c : *it) {
            if (!c.is_string()) return Status::error(card.file.string() + ": 'classes' must be a list of names");
            card.classes.push_back(c.get<std::string>());
        }
    }
    return std::optional<ModelCard>(std::move(card));
}

}  // namespace ql::data
