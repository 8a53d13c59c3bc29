#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "engine/wrangle/RecipeStep.h"

namespace lathe::wrangle {

// Text to TF-IDF features, like scikit-learn's TfidfVectorizer with its defaults: word tokens
// (TextTokenizer), raw counts times a smooth idf, ln((1 + n) / (1 + df)) + 1, then each row
// scaled to unit length (l2). The vocabulary and the idf are fitted on the training rows: terms
// in at least `min_df` documents (a count, or a share when below 1), the `max_features` most
// frequent of them, in alphabetical order. The text column is replaced by dense float64 columns
// "<column>:tfidf:<term>"; `max_features` (at most 10,000) bounds how many, and rows times
// terms may not pass kMaxCells. A missing text gives
// missing features; a text with no known word gives zeros.
class TfidfStep final : public RecipeStep {
 public:
  TfidfStep(std::string column, std::int64_t maxFeatures = 1000, double minDf = 1, bool englishStopWords = false);
  // {"column":"Text", "max_features":1000, "min_df":1, "stop_words":"none|english"}
  static std::unique_ptr<RecipeStep> fromParameters(const nlohmann::json& parameters);

  std::string kind() const override { return "tfidf"; }
  nlohmann::json parameters() const override;
  std::string describe() const override;
  void fit(const data::Table& training, const jobs::JobContext* context) override;
  data::Table apply(const data::Table& table, const jobs::JobContext* context) const override;
  // {"terms":["..."], "idf":[...]}
  nlohmann::json fittedState() const override;
  void restoreFittedState(const nlohmann::json& state) override;
  std::unique_ptr<RecipeStep> clone() const override { return std::make_unique<TfidfStep>(*this); }

  const std::vector<std::string>& terms() const { return terms_; }
  const std::vector<double>& idf() const { return idf_; }
  static constexpr std::int64_t kMaxFeaturesLimit = 10000;
  // At most this many feature values (2 GiB of doubles) in one apply.
  static constexpr std::int64_t kMaxCells = std::int64_t{1} << 28;

 private:
  std::string column_;
  std::int64_t maxFeatures_;
  double minDf_;
  bool stopWords_;
  std::vector<std::string> terms_;
  std::vector<double> idf_;
  bool fitted_ = false;
};

}  // namespace lathe::wrangle
