#include "widgets/panels/RecipeStepSummary.h"

#include <QLocale>
#include <cmath>

#include "widgets/panels/RecipeStepCatalog.h"

namespace lathe::widgets {
namespace {

using nlohmann::json;

// Every QString::arg below takes all its values at once: chained arg() calls would read a "%1"
// inside a column name as a place to fill.

const json* field(const json& parameters, const char* key) {
  if (!parameters.is_object()) return nullptr;
  const auto it = parameters.find(key);
  return it == parameters.end() ? nullptr : &*it;
}

// A name as one short line: control characters (a newline in a header) become spaces.
QString shown(QString name) {
  for (QChar& c : name)
    if (c.unicode() < 0x20 || c.unicode() == 0x7f) c = u' ';
  return RecipeStepSummary::elide(name, RecipeStepSummary::kMaxNameLength);
}

QString textAt(const json& parameters, const char* key) {
  const json* value = field(parameters, key);
  return value && value->is_string() ? QString::fromStdString(value->get<std::string>()) : QString();
}

// A list of names, or one name as a string (the feature steps accept both).
QStringList namesAt(const json& parameters, const char* key) {
  QStringList out;
  const json* value = field(parameters, key);
  if (!value) return out;
  if (value->is_string()) out << QString::fromStdString(value->get<std::string>());
  if (value->is_array())
    for (const auto& v : *value)
      if (v.is_string()) out << QString::fromStdString(v.get<std::string>());
  return out;
}

std::optional<double> numberAt(const json& parameters, const char* key) {
  const json* value = field(parameters, key);
  if (!value || !value->is_number()) return std::nullopt;
  return value->get<double>();
}

QString number(double value) { return QLocale().toString(value, 'g', QLocale::FloatingPointShortest); }

QString numberAt(const json& parameters, const char* key, double fallback) {
  const json* value = field(parameters, key);
  if (value && value->is_number_unsigned()) return QLocale().toString(value->get<qulonglong>());
  if (value && value->is_number_integer()) return QLocale().toString(value->get<qlonglong>());
  return number(numberAt(parameters, key).value_or(fallback));
}

// 0.7 → "70" (percent, to a tenth).
QString percent(double fraction) { return number(std::round(fraction * 1000.0) / 10.0); }

QString rowCount(const json& count) {
  if (count.is_number_unsigned() && count.get<qulonglong>() == 1) return RecipeStepSummary::tr("1 row");
  if (count.is_number_unsigned()) return RecipeStepSummary::tr("%1 rows").arg(QLocale().toString(count.get<qulonglong>()));
  if (count.is_number_integer()) return RecipeStepSummary::tr("%1 rows").arg(QLocale().toString(count.get<qlonglong>()));
  return {};
}

// A sample's size: "10 rows" or "50% of the rows".
QString sampleSize(const json& parameters) {
  if (const json* rows = field(parameters, "rows")) return rowCount(*rows);
  if (const auto fraction = numberAt(parameters, "fraction"))
    return RecipeStepSummary::tr("%1% of the rows").arg(percent(*fraction));
  return {};
}

QString columnsAt(const json& parameters, const char* key = "columns") {
  return RecipeStepSummary::columnList(namesAt(parameters, key));
}

// The first three items, then "+N more".
QString firstFew(const QStringList& items) {
  const QString joined = items.mid(0, 3).join(QStringLiteral(", "));
  if (items.size() <= 3) return joined;
  return RecipeStepSummary::tr("%1 +%2 more").arg(joined, QLocale().toString(static_cast<qlonglong>(items.size() - 3)));
}

QString constantText(const json& value) {
  if (value.is_string()) return RecipeStepSummary::tr("“%1”").arg(shown(QString::fromStdString(value.get<std::string>())));
  if (value.is_boolean()) return value.get<bool>() ? RecipeStepSummary::tr("true") : RecipeStepSummary::tr("false");
  if (value.is_number()) return number(value.get<double>());
  return RecipeStepSummary::tr("a constant");
}

}  // namespace

QString RecipeStepSummary::elide(const QString& text, int max) {
  if (text.size() <= max || max < 2) return text;
  qsizetype keep = max - 1;
  if (text.at(keep - 1).isHighSurrogate()) --keep;
  return text.left(keep) + QStringLiteral("…");
}

QString RecipeStepSummary::columnList(const QStringList& names) {
  if (names.isEmpty()) return tr("no columns");
  QStringList few;
  for (qsizetype i = 0; i < std::min<qsizetype>(names.size(), 3); ++i) few << shown(names[i]);
  if (names.size() <= 3) return few.join(QStringLiteral(", "));
  const QLocale locale;
  return tr("%1 columns: %2 +%3 more")
      .arg(locale.toString(static_cast<qlonglong>(names.size())), few.join(QStringLiteral(", ")),
           locale.toString(static_cast<qlonglong>(names.size() - 3)));
}

QString RecipeStepSummary::datasetName(qint64 versionId, const DatasetVersions& datasets) {
  for (const auto& [id, name] : datasets)
    if (id == versionId) return shown(name);
  return tr("dataset version %1").arg(QLocale().toString(versionId));
}

QString RecipeStepSummary::text(const std::string& kind, const json& parameters, const DatasetVersions& datasets) {
  std::optional<QString> out = columnsPart(kind, parameters);
  if (!out) out = featurePart(kind, parameters);
  if (!out) out = rowsPart(kind, parameters, datasets);
  return out ? elide(*out, kMaxLength) : QString();
}

std::optional<QString> RecipeStepSummary::columnsPart(const std::string& kind, const json& p) {
  if (kind == "select_columns" || kind == "drop_columns" || kind == "power" || kind == "one_hot")
    return columnsAt(p);
  if (kind == "reorder_columns") return tr("%1 first").arg(columnsAt(p));
  if (kind == "rename_columns") {
    QStringList pairs;
    if (const json* renames = field(p, "renames"); renames && renames->is_object())
      for (const auto& [from, to] : renames->items())
        if (to.is_string())
          pairs << tr("%1 → %2").arg(shown(QString::fromStdString(from)), shown(QString::fromStdString(to.get<std::string>())));
    return pairs.isEmpty() ? tr("no columns") : firstFew(pairs);
  }
  if (kind == "change_type") {
    const std::string type = textAt(p, "type").toStdString();
    if (type.empty()) return columnsAt(p);
    return tr("%1 → %2").arg(columnsAt(p), shown(RecipeStepCatalog::choiceLabel(kind, "type", type)));
  }
  if (kind == "derived_column") return tr("%1 = %2").arg(shown(textAt(p, "name")), shown(textAt(p, "formula")));
  return std::nullopt;
}

std::optional<QString> RecipeStepSummary::featurePart(const std::string& kind, const json& p) {
  const QString columns = columnsAt(p);
  if (kind == "fill_missing") {
    const QString strategy = textAt(p, "strategy");
    QString how = columns;
    if (strategy == QLatin1String("mean")) how = tr("%1 with the mean").arg(columns);
    else if (strategy == QLatin1String("median")) how = tr("%1 with the median").arg(columns);
    else if (strategy == QLatin1String("mode")) how = tr("%1 with the most frequent value").arg(columns);
    else if (strategy == QLatin1String("forward")) how = tr("%1 with the value above").arg(columns);
    else if (strategy == QLatin1String("constant")) {
      const json* value = field(p, "value");
      how = tr("%1 with %2").arg(columns, constantText(value ? *value : json()));
    }
    const json* indicator = field(p, "indicator");
    return indicator && indicator->is_boolean() && indicator->get<bool>() ? tr("%1, marking them").arg(how) : how;
  }
  if (kind == "ordinal")
    return textAt(p, "order") == QLatin1String("sorted") ? tr("%1, levels sorted").arg(columns) : columns;
  if (kind == "scale") {
    const QString method = textAt(p, "method");
    if (method == QLatin1String("min_max")) {
      double low = 0.0, high = 1.0;
      if (const json* range = field(p, "range");
          range && range->is_array() && range->size() == 2 && (*range)[0].is_number() && (*range)[1].is_number()) {
        low = (*range)[0].get<double>();
        high = (*range)[1].get<double>();
      }
      return tr("%1 to the range %2 to %3").arg(columns, number(low), number(high));
    }
    if (method == QLatin1String("robust")) return tr("%1 by median and IQR").arg(columns);
    return tr("standardise %1").arg(columns);
  }
  if (kind == "log") {
    const json* log1p = field(p, "log1p");
    return log1p && log1p->is_boolean() && log1p->get<bool>() ? tr("log(1 + x) of %1").arg(columns)
                                                               : tr("log of %1").arg(columns);
  }
  if (kind == "bin") {
    const QString bins = numberAt(p, "bins", 5);
    return textAt(p, "method") == QLatin1String("quantile") ? tr("%1 into %2 quantile bins").arg(columns, bins)
                                                           : tr("%1 into %2 equal-width bins").arg(columns, bins);
  }
  if (kind == "clip_outliers") {
    if (textAt(p, "method") == QLatin1String("zscore"))
      return tr("%1 beyond %2 standard deviations").arg(columns, numberAt(p, "threshold", 3.0));
    return tr("%1 beyond %2 × IQR").arg(columns, numberAt(p, "k", 1.5));
  }
  if (kind == "date_parts") {
    const auto all = RecipeStepCatalog::steps();
    const RecipeParameterSpec* spec = nullptr;
    if (const auto* step = RecipeStepCatalog::find(all, kind)) spec = RecipeStepCatalog::findParameter(*step, "parts");
    const auto label = [spec](const QString& value) {
      if (spec)
        for (const auto& c : spec->choices)
          if (QString::fromStdString(c.value) == value) return c.label;
      return shown(value);
    };
    QStringList parts;
    const json* chosen = field(p, "parts");
    if (chosen && !chosen->is_null()) {
      for (const QString& part : namesAt(p, "parts").mid(0, 8)) parts << label(part);  // more would be cut anyway
    } else if (spec) {  // absent: the engine takes every part
      for (const auto& c : spec->choices) parts << c.label;
    }
    return tr("%1 of %2").arg(parts.join(QStringLiteral(", ")), columns);
  }
  if (kind == "tfidf")
    return tr("%1, up to %2 terms").arg(columnsAt(p, "column"), numberAt(p, "max_features", 1000));
  return std::nullopt;
}

std::optional<QString> RecipeStepSummary::rowsPart(const std::string& kind, const json& p,
                                                   const DatasetVersions& datasets) {
  if (kind == "filter_rows") return tr("keep rows where %1").arg(shown(textAt(p, "formula")));
  if (kind == "drop_duplicates") {
    const QStringList names = namesAt(p, "columns");
    return names.isEmpty() ? tr("rows repeating an earlier row") : tr("rows repeating an earlier row's %1").arg(columnList(names));
  }
  if (kind == "sample_rows") return sampleSize(p);
  if (kind == "stratified_sample")
    return tr("%1 keeping the shares of %2").arg(sampleSize(p), shown(textAt(p, "column")));
  const json* version = field(p, "dataset_version");
  const QString other = version && version->is_number_integer()
                            ? datasetName(version->get<qint64>(), datasets)
                            : tr("another dataset");
  if (kind == "concatenate") return tr("the rows of %1").arg(other);
  if (kind == "join") {
    const QStringList left = namesAt(p, "on");
    const QStringList right = namesAt(p, "right_on");
    QStringList keys;
    for (qsizetype i = 0; i < left.size(); ++i)
      keys << (i < right.size() && right[i] != left[i] ? tr("%1 = %2").arg(shown(left[i]), shown(right[i])) : shown(left[i]));
    const QString on = keys.isEmpty() ? tr("no columns") : firstFew(keys);
    return textAt(p, "how") == QLatin1String("left") ? tr("all rows, with %1 matched on %2").arg(other, on)
                                                     : tr("rows matching %1 on %2").arg(other, on);
  }
  if (kind == "split") {
    QString text = tr("%1% train, %2% validation, %3% test")
                       .arg(percent(numberAt(p, "train").value_or(0)), percent(numberAt(p, "validation").value_or(0)),
                            percent(numberAt(p, "test").value_or(0)));
    const QString stratify = textAt(p, "stratify");
    return stratify.isEmpty() ? text : tr("%1, keeping the shares of %2").arg(text, shown(stratify));
  }
  return std::nullopt;
}

}  // namespace lathe::widgets
