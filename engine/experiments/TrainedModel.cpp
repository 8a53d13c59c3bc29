#include "engine/experiments/TrainedModel.h"

#include "engine/core/Error.h"
#include "engine/ml/ModelFile.h"

namespace lathe::experiments {

namespace {
constexpr std::uint32_t kVersion = 1;
}

std::string TrainedModel::serialize() const {
  if (!estimator) throw Error(ErrorCode::InvalidArgument, "no model to save");
  ml::ModelWriter out;
  out.text(kFormat);
  out.u32(kVersion);
  out.json(encoder.state());
  out.bytes(ml::ModelFile::serialize(*estimator));
  return out.data();
}

TrainedModel TrainedModel::deserialize(std::string_view bytes) {
  ml::ModelReader in(bytes);
  const auto fail = [&](const std::string& what) {
    return Error(ErrorCode::Parse, "trained model: " + what,
                 ErrorLocation{{}, -1, -1, static_cast<std::int64_t>(in.offset())});
  };
  if (in.text() != kFormat) throw fail("not a Lathe trained model");
  if (const auto version = in.u32(); version != kVersion)
    throw Error(ErrorCode::Unsupported, "trained model: format version " + std::to_string(version) +
                                            " is newer than this Lathe understands");
  TrainedModel model;
  model.encoder = ml::FeatureEncoder::fromState(in.json());
  const std::string estimator = in.bytes();
  if (!in.atEnd()) throw fail("bytes after the end of the model");
  model.estimator = ml::ModelFile::deserialize(estimator);
  return model;
}

}  // namespace lathe::experiments
