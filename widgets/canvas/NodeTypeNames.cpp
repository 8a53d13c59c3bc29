#include "widgets/canvas/NodeTypeNames.h"

#include "engine/pipeline/NodeType.h"

namespace lathe::widgets {

QString NodeTypeNames::title(const pipeline::NodeType& type) { return title(type.id, type.title); }

QString NodeTypeNames::title(const std::string& typeId, const std::string& fallback) {
  const QString id = QString::fromStdString(typeId);
  if (id == QLatin1String("import")) return tr("Import");
  if (id == QLatin1String("recipe")) return tr("Recipe");
  if (id == QLatin1String("split")) return tr("Split");
  if (id == QLatin1String("train")) return tr("Train");
  if (id == QLatin1String("tune")) return tr("Tune");
  if (id == QLatin1String("automl")) return tr("AutoML");
  if (id == QLatin1String("evaluate")) return tr("Evaluate");
  if (id == QLatin1String("compare")) return tr("Compare");
  if (id == QLatin1String("predict")) return tr("Predict");
  if (id == QLatin1String("export")) return tr("Export");
  if (id == QLatin1String("note")) return tr("Note");
  return QString::fromStdString(fallback.empty() ? typeId : fallback);
}

}  // namespace lathe::widgets
