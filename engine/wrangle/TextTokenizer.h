#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace lathe::wrangle {

// Words of a text cell the way scikit-learn's CountVectorizer finds them by default: lower-cased,
// runs of two or more word characters (token_pattern "(?u)\b\w\w+\b"). Word characters are ASCII
// letters, digits and '_' plus every non-ASCII character (so Korean or accented words stay whole);
// only ASCII letters are lower-cased. Optionally without scikit-learn's English stop words.
class TextTokenizer {
 public:
  explicit TextTokenizer(bool dropEnglishStopWords = false) : dropStopWords_(dropEnglishStopWords) {}

  // Appends the tokens of `text` to `out` (cleared first).
  void tokenize(std::string_view text, std::vector<std::string>& out) const;
  static bool isEnglishStopWord(std::string_view word);

 private:
  bool dropStopWords_;
};

}  // namespace lathe::wrangle
