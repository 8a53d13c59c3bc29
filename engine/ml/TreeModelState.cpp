#include "engine/ml/TreeModelState.h"

#include <cmath>

#include "engine/core/Error.h"
#include "engine/ml/ModelFile.h"

namespace lathe::ml {
namespace {
[[noreturn]] void bad(const ModelReader& in, const std::string& what) {
  ErrorLocation where;
  where.byteOffset = static_cast<std::int64_t>(in.offset());
  throw Error(ErrorCode::Parse, "model file: " + what, where);
}
}  // namespace

void TreeModelState::write(ModelWriter& out) const {
  out.u32(static_cast<std::uint32_t>(task));
  out.texts(features);
  out.texts(classes);
  out.f64s(importances);
}

TreeModelState TreeModelState::read(ModelReader& in) {
  TreeModelState state;
  const std::uint32_t task = in.u32();
  if (task != static_cast<std::uint32_t>(Task::Binary) && task != static_cast<std::uint32_t>(Task::Multiclass) &&
      task != static_cast<std::uint32_t>(Task::Regression))
    bad(in, "tree model has an unknown task " + std::to_string(task));
  state.task = static_cast<Task>(task);
  state.features = in.texts();
  state.classes = in.texts();
  state.importances = in.f64s();
  if (state.features.empty()) bad(in, "tree model has no features");
  if (isClassification(state.task) ? state.classes.size() < 2 : !state.classes.empty())
    bad(in, "tree model's classes do not fit its task");
  if (state.importances.size() != state.features.size()) bad(in, "tree model's importances do not match its features");
  for (double v : state.importances)
    if (!std::isfinite(v)) bad(in, "tree model has an importance that is not a finite number");
  return state;
}

}  // namespace lathe::ml
