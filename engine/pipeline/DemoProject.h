#pragma once
#include <string>
#include <string_view>

#include "engine/pipeline/Graph.h"
#include "engine/store/ProjectInfo.h"

namespace lathe::jobs {
class JobContext;
}

namespace lathe::pipeline {

// The demo project (File > New from demo, `lathe project new PATH --demo`): German credit from
// Weka's credit-g.arff (1,000 applicants, 20 attributes, class good/bad) with a business goal,
// the KPI roc_auc >= 0.75, the cost matrix of the data set's documentation, and the pipeline
// Import -> Recipe -> Split -> Train x3 (logistic, forest, xgboost) -> Evaluate x3 -> Compare.
// The engine has no Qt and no resources: callers pass the ARFF's bytes (the window from its
// resource, the CLI from the installed or source tree's data folder).
class DemoProject {
 public:
  static constexpr const char* kName = "German credit";
  static constexpr const char* kDataset = "credit-g";
  static constexpr const char* kPipeline = "German credit";
  static constexpr const char* kTarget = "class";

  // Creates the project at `path` (which must not exist) and fills it, honouring the context's
  // stop. Throws lathe::Error (a bad ARFF names its line) and leaves no file behind on failure.
  static void write(const std::string& path, std::string_view creditArff, const jobs::JobContext& context);

  static store::ProjectInfo info();
  // The demo pipeline, laid out left to right for the canvas.
  static Graph pipeline();
};

}  // namespace lathe::pipeline
