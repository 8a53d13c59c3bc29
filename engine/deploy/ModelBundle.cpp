#include "engine/deploy/ModelBundle.h"

#include <cstdio>
#include <fstream>
#include <sstream>

#include "engine/core/Error.h"
#include "engine/experiments/TrainedModel.h"
#include "engine/ml/ImputedEstimator.h"
#include "engine/ml/ModelFile.h"
#include "engine/ml/XgboostModel.h"
#include "engine/store/ContentHash.h"

namespace lathe::deploy {
namespace {

using nlohmann::json;
// A bundle bigger than this is refused before it is read (models are megabytes, not gigabytes).
constexpr std::uintmax_t kMaxBundleBytes = std::uintmax_t{1} << 31;

json manifestOf(const ModelVersionContent& content) {
  const auto& info = content.info;
  json schema = json::array();
  for (const auto& column : info.inputSchema)
    schema.push_back({{"name", column.name}, {"type", data::columnTypeName(column.type)}});
  return {{"model", info.model},       {"version", info.version},     {"task", info.task},
          {"algorithm", info.algorithm}, {"target", info.target},      {"input_schema", schema},
          {"training_data_hash", info.trainingDataHash}, {"metrics", info.metrics},
          {"threshold", info.threshold ? json(*info.threshold) : json(nullptr)},
          {"created_at", info.createdAt}, {"recipes", content.recipes}};
}

[[noreturn]] void damaged(const std::string& what, std::size_t offset) {
  throw Error(ErrorCode::Parse, "model bundle: " + what, ErrorLocation{{}, -1, -1, static_cast<std::int64_t>(offset)});
}

template <typename T>
T field(const json& manifest, const char* name, std::size_t offset) {
  try {
    return manifest.at(name).get<T>();
  } catch (const json::exception&) {
    damaged(std::string("the manifest's \"") + name + "\" is missing or malformed", offset);
  }
}

}  // namespace

std::string ModelBundle::serialize(const ModelVersionContent& content) {
  ml::ModelWriter out;
  out.text(kFormat);
  const std::string manifest = manifestOf(content).dump();
  out.text(manifest);
  out.bytes(content.modelBytes);
  out.text(store::ContentHash::of(manifest + content.modelBytes));
  return out.data();
}

ModelVersionContent ModelBundle::deserialize(std::string_view bytes) {
  ml::ModelReader in(bytes);
  if (in.text() != kFormat) damaged("not a Lathe model bundle", 0);
  const std::size_t manifestAt = in.offset();
  const std::string manifestText = in.text();
  std::string model = in.bytes();
  const std::size_t hashAt = in.offset();
  if (in.text() != store::ContentHash::of(manifestText + model)) damaged("its contents do not match their SHA-256", hashAt);
  if (!in.atEnd()) damaged("there are bytes after the end", in.offset());
  const json manifest = json::parse(manifestText, nullptr, false);
  if (!manifest.is_object()) damaged("the manifest is not a JSON object", manifestAt);

  ModelVersionContent content;
  auto& info = content.info;
  info.model = field<std::string>(manifest, "model", manifestAt);
  info.version = field<int>(manifest, "version", manifestAt);
  info.task = field<std::string>(manifest, "task", manifestAt);
  info.algorithm = field<std::string>(manifest, "algorithm", manifestAt);
  info.target = field<std::string>(manifest, "target", manifestAt);
  info.trainingDataHash = field<std::string>(manifest, "training_data_hash", manifestAt);
  info.createdAt = field<std::string>(manifest, "created_at", manifestAt);
  info.metrics = manifest.value("metrics", json::object());
  if (manifest.contains("threshold") && manifest["threshold"].is_number()) info.threshold = manifest["threshold"].get<double>();
  const json schema = field<json>(manifest, "input_schema", manifestAt);
  if (!schema.is_array()) damaged("the input schema is not a list", manifestAt);
  for (const auto& column : schema) {
    const auto type = column.is_object() && column.contains("type") && column["type"].is_string()
                          ? data::columnTypeFromName(column["type"].get<std::string>())
                          : std::nullopt;
    if (!type || !column.contains("name") || !column["name"].is_string()) damaged("a column of the input schema is malformed", manifestAt);
    info.inputSchema.push_back({column["name"].get<std::string>(), *type});
  }
  content.recipes = field<json>(manifest, "recipes", manifestAt);
  if (!content.recipes.is_array()) damaged("the recipes are not a list", manifestAt);
  content.modelBytes = std::move(model);
  return content;
}

void ModelBundle::write(const ModelVersionContent& content, const std::string& path) {
  const std::string bytes = serialize(content);
  const std::string partial = path + ".partial";
  {
    std::ofstream out(partial, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.close();
    if (!out) {
      std::remove(partial.c_str());
      throw Error(ErrorCode::Io, "cannot write the model bundle", {path});
    }
  }
  if (std::rename(partial.c_str(), path.c_str()) != 0) {
    std::remove(partial.c_str());
    throw Error(ErrorCode::Io, "cannot write the model bundle", {path});
  }
}

ModelVersionContent ModelBundle::read(const std::string& path) {
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in) throw Error(ErrorCode::Io, "cannot open the model bundle", {path});
  const auto size = static_cast<std::uintmax_t>(in.tellg());
  if (size > kMaxBundleBytes) throw Error(ErrorCode::Parse, "the model bundle is larger than 2 GB", {path});
  std::string bytes(static_cast<std::size_t>(size), '\0');
  in.seekg(0);
  in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!in) throw Error(ErrorCode::Io, "cannot read the model bundle", {path});
  try {
    return deserialize(bytes);
  } catch (const Error& e) {
    throw Error(e.code(), e.message(), ErrorLocation{path, -1, -1, e.where().byteOffset});
  }
}

bool ModelBundle::looksLikeBundle(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::string head(8 + kFormat.size(), '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  return in && head.find(kFormat) != std::string::npos;
}

std::string ModelBundle::xgboostJson(const ModelVersionContent& content) {
  const auto model = experiments::TrainedModel::deserialize(content.modelBytes);
  const ml::Estimator* estimator = model.estimator.get();
  if (const auto* imputed = dynamic_cast<const ml::ImputedEstimator*>(estimator)) estimator = &imputed->inner();
  const auto* xgboost = dynamic_cast<const ml::XgboostModel*>(estimator);
  if (!xgboost) throw Error(ErrorCode::Unsupported, "only XGBoost models export to XGBoost's JSON; this one is " + content.info.algorithm);
  return xgboost->boosterJson();
}

}  // namespace lathe::deploy
