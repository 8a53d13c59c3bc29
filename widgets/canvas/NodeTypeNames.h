#pragma once
#include <QCoreApplication>
#include <QString>
#include <string>

namespace lathe::pipeline {
struct NodeType;
}

namespace lathe::widgets {

// The names of the standard node kinds in the user's language. The registry's titles are
// English engine strings; the kinds of the node catalogue are named here so they translate,
// and any other kind shows its registry title.
class NodeTypeNames {
  Q_DECLARE_TR_FUNCTIONS(NodeTypeNames)
 public:
  static QString title(const pipeline::NodeType& type);
  // For a node whose kind the registry does not know: its id as stored.
  static QString title(const std::string& typeId, const std::string& fallback);
};

}  // namespace lathe::widgets
