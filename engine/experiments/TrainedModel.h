#pragma once
#include <memory>
#include <string>
#include <string_view>

#include "engine/ml/Estimator.h"
#include "engine/ml/FeatureEncoder.h"

namespace lathe::experiments {

// A fitted estimator with the encoder that turns a table into its features: what a run stores,
// and what batch scoring and the REST endpoint load. Bytes: a tag, a version, the encoder's
// state (JSON) and the estimator in ModelFile's format; data only, every length bounds-checked.
struct TrainedModel {
  static constexpr std::string_view kFormat = "lathe-model-v1";

  ml::FeatureEncoder encoder;
  std::unique_ptr<ml::Estimator> estimator;

  std::string serialize() const;
  // Throws lathe::Error(Parse) naming the byte offset for anything wrong (BAD_INPUTS case 33).
  static TrainedModel deserialize(std::string_view bytes);
};

}  // namespace lathe::experiments
