#pragma once
#include <string>
#include <string_view>

#include "engine/deploy/ModelVersionInfo.h"

namespace lathe::deploy {

// A registered version as one portable file: data only, never code. Layout (ModelWriter):
// the text "lathe-bundle-v1", a manifest (JSON: the version's info and its fitted recipes), the
// model's bytes (TrainedModel), then the SHA-256 (hex) of the manifest and model. `lathe serve`
// loads it on another machine without the project. A damaged or hostile file is
// lathe::Error(Parse) naming the byte offset, never a crash.
class ModelBundle {
 public:
  static constexpr std::string_view kFormat = "lathe-bundle-v1";
  static constexpr std::string_view kExtension = ".lathemodel";

  static std::string serialize(const ModelVersionContent& content);
  static ModelVersionContent deserialize(std::string_view bytes);
  // The file appears only when complete (written beside it, then renamed).
  static void write(const ModelVersionContent& content, const std::string& path);
  static ModelVersionContent read(const std::string& path);
  // Whether the file starts as a bundle does (for `lathe serve FILE`).
  static bool looksLikeBundle(const std::string& path);

  // The version's model in XGBoost's own JSON, which Python's xgboost.Booster loads; throws
  // lathe::Error(Unsupported) for a model that is not an XGBoost one.
  static std::string xgboostJson(const ModelVersionContent& content);
};

}  // namespace lathe::deploy
