#pragma once
#include <QTableWidget>
#include <vector>

#include "engine/deploy/ModelVersionInfo.h"

namespace lathe::widgets {

// Every move of a model's aliases, newest first: when, which version, from which alias to
// which, and the reason the user gave. The registry keeps them; this only lists them.
class AliasHistoryView : public QTableWidget {
  Q_OBJECT
 public:
  explicit AliasHistoryView(QWidget* parent = nullptr);

  // The events may come in any order.
  void setHistory(std::vector<deploy::AliasEvent> events);
  const std::vector<deploy::AliasEvent>& events() const { return events_; }

  enum Column { WhenColumn, VersionColumn, FromColumn, ToColumn, ReasonColumn, ColumnCount };

 protected:
  void changeEvent(QEvent* event) override;

 private:
  void refill();

  std::vector<deploy::AliasEvent> events_;
};

}  // namespace lathe::widgets
