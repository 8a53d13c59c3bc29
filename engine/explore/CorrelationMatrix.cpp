#include "engine/explore/CorrelationMatrix.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <functional>
#include <limits>
#include <thread>

#include "engine/data/RowChunks.h"
#include "engine/explore/NumericReader.h"
#include "engine/jobs/ParallelFor.h"

namespace lathe::explore {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
// Rows copied into one dense block before the pair loops run over it (kept in cache).
constexpr std::size_t kBlockRows = 1024;
// The rows are split into at most this many parts, summed separately and merged in order, so the
// result does not depend on how many threads the machine has.
constexpr std::size_t kMaxParts = 8;
// A column missing at most this share of its rows pairs by subtraction: a pair's sums are the
// column's minus those on the rows the other column misses (few). Pairs with a sparser column
// sum their common rows directly, which costs five more products per row.
constexpr double kSubtractMaxMissing = 0.1;

// What pass 1 learns of a column. Pass 2 sums offsets from `shift` (the mean, or the exact value
// of a constant column, whose offsets are then exactly 0), so sums of products barely cancel.
struct ColumnStats {
  double shift = 0.0;
  std::uint64_t finite = 0;
  bool constant = true;   // fewer than two distinct finite values
  bool complete = false;  // every row finite
};

ColumnStats statsOf(const NumericReader& values, std::size_t rows, const jobs::JobContext& context) {
  ColumnStats stats;
  double total = 0.0, block = 0.0;
  double low = std::numeric_limits<double>::infinity(), high = -low;
  data::forEachRowChunk(rows, context, [&](std::size_t begin, std::size_t end) {
    for (std::size_t row = begin; row < end; ++row) {
      const double v = values.at(row);
      if (!std::isfinite(v)) continue;
      block += v;
      if (++stats.finite % 4096 == 0) {  // blocked sums: rounding grows with the block, not the rows
        total += block;
        block = 0.0;
      }
      low = std::min(low, v);
      high = std::max(high, v);
    }
  });
  total += block;
  stats.complete = stats.finite == rows;
  if (stats.finite == 0) return stats;
  stats.constant = low == high;
  const double mean = total / static_cast<double>(stats.finite);
  stats.shift = stats.constant ? low : std::isfinite(mean) ? mean : low / 2 + high / 2;
  return stats;
}

// Pearson's r from sums of offsets; NaN when undefined, as pandas gives it.
double pearson(double n, double sx, double sy, double sxx, double syy, double sxy) {
  if (n < 2) return kNaN;
  const double divisor = std::sqrt((sxx - sx * sx / n) * (syy - sy * sy / n));
  if (!(divisor > 0.0)) return kNaN;
  return std::clamp((sxy - sx * sy / n) / divisor, -1.0, 1.0);  // a NaN stays NaN
}

// One pair the plain two-pass way over the rows where both are finite (pandas' answer, exactly
// NaN for a column constant on those rows). Only for the rare pairs the shortcut cannot trust.
double exactPair(const NumericReader& xs, const NumericReader& ys, std::size_t rows, const jobs::JobContext& context) {
  double n = 0, sx = 0, sy = 0, firstX = 0, firstY = 0;
  bool xVaries = false, yVaries = false;
  data::forEachRowChunk(rows, context, [&](std::size_t begin, std::size_t end) {
    for (std::size_t row = begin; row < end; ++row) {
      const double x = xs.at(row), y = ys.at(row);
      if (!std::isfinite(x) || !std::isfinite(y)) continue;
      if (n == 0) firstX = x, firstY = y;
      xVaries |= x != firstX;
      yVaries |= y != firstY;
      n += 1, sx += x, sy += y;
    }
  });
  if (!xVaries || !yVaries) return kNaN;
  const double mx = sx / n, my = sy / n;
  double sxx = 0, syy = 0, sxy = 0;
  data::forEachRowChunk(rows, context, [&](std::size_t begin, std::size_t end) {
    for (std::size_t row = begin; row < end; ++row) {
      const double x = xs.at(row) - mx, y = ys.at(row) - my;
      if (std::isfinite(x) && std::isfinite(y)) sxx += x * x, syy += y * y, sxy += x * y;
    }
  });
  return pearson(n, 0, 0, sxx, syy, sxy);
}

// Four running sums, so the additions overlap in the pipeline (the compiler may not reorder them).
double dot(const double* a, const double* b, std::size_t n) {
  double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
  std::size_t i = 0;
  for (; i + 4 <= n; i += 4) {
    s0 += a[i] * b[i];
    s1 += a[i + 1] * b[i + 1];
    s2 += a[i + 2] * b[i + 2];
    s3 += a[i + 3] * b[i + 3];
  }
  for (; i < n; ++i) s0 += a[i] * b[i];
  return (s0 + s1) + (s2 + s3);
}

// How a pair of columns is summed; see kSubtractMaxMissing.
enum class PairMode : std::uint8_t { Complete, Subtract, Direct };

// Sums of one part of the rows. Offsets are 0 where a value is not finite, so a sum of products
// covers the rows where both are finite as it is.
struct PartSums {
  std::vector<double> sum, squares;  // per column, over its finite rows
  std::vector<double> cross;         // k * k, upper triangle: sums of products
  // k * k, upper triangle. Subtract: x's offsets and squares on the rows y misses, y's on the rows
  // x misses, and the rows both miss. Direct: the common rows, x's and y's sums and squares.
  std::vector<double> rows, x, xx, y, yy;

  explicit PartSums(std::size_t k)
      : sum(k), squares(k), cross(k * k), rows(k * k), x(k * k), xx(k * k), y(k * k), yy(k * k) {}
  void add(const PartSums& o) {
    auto plus = [](std::vector<double>& a, const std::vector<double>& b) {
      for (std::size_t i = 0; i < a.size(); ++i) a[i] += b[i];
    };
    plus(sum, o.sum), plus(squares, o.squares), plus(cross, o.cross), plus(rows, o.rows);
    plus(x, o.x), plus(xx, o.xx), plus(y, o.y), plus(yy, o.yy);
  }
};

// One block of rows copied out of the columns: offsets, their squares, 1/0 for finite or not, and
// the rows where each column is not finite.
struct Block {
  std::size_t k, n = 0;
  std::vector<double> offsets, squares, present;  // [c * kBlockRows + r]
  std::vector<std::uint32_t> lost;                 // [c * kBlockRows + t], t < lostCount[c]
  std::vector<std::size_t> lostCount;

  explicit Block(std::size_t columns)
      : k(columns), offsets(k * kBlockRows), squares(k * kBlockRows), present(k * kBlockRows), lost(k * kBlockRows),
        lostCount(k) {}
  const double* at(const std::vector<double>& v, std::size_t c) const { return &v[c * kBlockRows]; }
};

void fill(Block& block, const std::vector<NumericReader>& readers, const std::vector<ColumnStats>& stats,
          std::size_t begin, std::size_t n, PartSums& part) {
  block.n = n;
  for (std::size_t c = 0; c < block.k; ++c) {
    double* d = &block.offsets[c * kBlockRows];
    double* q = &block.squares[c * kBlockRows];
    double* m = &block.present[c * kBlockRows];
    std::uint32_t* lost = &block.lost[c * kBlockRows];
    std::size_t lostCount = 0;
    for (std::size_t r = 0; r < n; ++r) {
      const double v = readers[c].at(begin + r);
      const bool finite = std::isfinite(v);
      d[r] = finite ? v - stats[c].shift : 0.0;
      q[r] = d[r] * d[r];
      m[r] = finite ? 1.0 : 0.0;
      if (!finite) lost[lostCount++] = static_cast<std::uint32_t>(r);
    }
    block.lostCount[c] = lostCount;
    part.sum[c] += dot(d, m, n);
    part.squares[c] += dot(q, m, n);
  }
}

void sumPair(const Block& block, std::size_t i, std::size_t j, std::size_t p, PairMode mode, PartSums& part) {
  const double *di = block.at(block.offsets, i), *dj = block.at(block.offsets, j);
  part.cross[p] += dot(di, dj, block.n);
  if (mode == PairMode::Direct) {
    const double *mi = block.at(block.present, i), *mj = block.at(block.present, j);
    part.rows[p] += dot(mi, mj, block.n);
    part.x[p] += dot(di, mj, block.n);
    part.xx[p] += dot(block.at(block.squares, i), mj, block.n);
    part.y[p] += dot(dj, mi, block.n);
    part.yy[p] += dot(block.at(block.squares, j), mi, block.n);
  } else if (mode == PairMode::Subtract) {
    for (std::size_t t = 0; t < block.lostCount[j]; ++t) {
      const std::uint32_t r = block.lost[j * kBlockRows + t];
      part.x[p] += di[r];
      part.xx[p] += di[r] * di[r];
      part.rows[p] += 1.0 - block.present[i * kBlockRows + r];
    }
    for (std::size_t t = 0; t < block.lostCount[i]; ++t) {
      const std::uint32_t r = block.lost[i * kBlockRows + t];
      part.y[p] += dj[r];
      part.yy[p] += dj[r] * dj[r];
    }
  }
}

// Sums the rows [first, last) block by block into `part`.
void sumRows(const std::vector<NumericReader>& readers, const std::vector<ColumnStats>& stats,
             const std::vector<PairMode>& modes, std::size_t first, std::size_t last, PartSums& part,
             const std::function<void()>& afterBlock) {
  const std::size_t k = readers.size();
  Block block(k);
  for (std::size_t begin = first; begin < last; begin += kBlockRows) {
    fill(block, readers, stats, begin, std::min(last, begin + kBlockRows) - begin, part);
    for (std::size_t i = 0; i < k; ++i)
      for (std::size_t j = i + 1; j < k; ++j) sumPair(block, i, j, i * k + j, modes[i * k + j], part);
    afterBlock();
  }
}

}  // namespace

CorrelationMatrix CorrelationMatrix::of(const data::Table& table, const jobs::JobContext& context) {
  CorrelationMatrix out;
  std::vector<NumericReader> readers;
  for (const auto& column : table.columns()) {
    if (!column->isNumeric()) continue;
    if (out.columns.size() == kMaxColumns) {
      out.truncated = true;
      break;
    }
    out.columns.push_back(column->name());
    readers.emplace_back(*column);
  }
  const std::size_t k = out.columns.size();
  const std::size_t rows = table.rowCount();
  const std::string message = "Correlations";
  context.progress(0.0, message);

  // Pass 1: one pass per column for its offset and whether it is complete.
  std::vector<ColumnStats> stats(k);
  for (std::size_t c = 0; c < k; ++c) {
    stats[c] = statsOf(readers[c], rows, context);
    context.progress(0.1 * static_cast<double>(c + 1) / static_cast<double>(k), message);
  }

  // Pass 2: all columns block by block, each block summed for every pair while it is in cache.
  std::vector<PairMode> modes(k * k, PairMode::Complete);
  auto sparse = [&](const ColumnStats& s) {
    return static_cast<double>(rows - s.finite) > kSubtractMaxMissing * static_cast<double>(rows);
  };
  for (std::size_t i = 0; i < k; ++i)
    for (std::size_t j = i + 1; j < k; ++j)
      if (!stats[i].complete || !stats[j].complete)
        modes[i * k + j] = sparse(stats[i]) || sparse(stats[j]) ? PairMode::Direct : PairMode::Subtract;
  const std::size_t blocks = (rows + kBlockRows - 1) / kBlockRows;
  const std::size_t partCount = std::min(kMaxParts, blocks);
  std::vector<PartSums> parts(partCount, PartSums(k));
  std::atomic<std::size_t> blocksDone{0};
  const auto caller = std::this_thread::get_id();  // progress sinks need not be thread-safe
  const std::function<void()> afterBlock = [&] {
    context.throwIfStopped();
    const std::size_t done = ++blocksDone;
    if (std::this_thread::get_id() == caller)
      context.progress(0.1 + 0.8 * static_cast<double>(done) / static_cast<double>(blocks), message);
  };
  jobs::parallelFor(partCount, 0, [&](std::size_t p) {
    sumRows(readers, stats, modes, blocks * p / partCount * kBlockRows,
            std::min(rows, blocks * (p + 1) / partCount * kBlockRows), parts[p], afterBlock);
  });
  PartSums total(k);
  for (const PartSums& part : parts) total.add(part);  // in order: the same sums on any machine

  out.values.assign(k * k, kNaN);
  for (std::size_t i = 0; i < k; ++i) {
    const auto& si = stats[i];
    out.values[i * k + i] = si.finite >= 2 && !si.constant ? 1.0 : kNaN;
    for (std::size_t j = i + 1; j < k; ++j) {
      const auto& sj = stats[j];
      const std::size_t p = i * k + j;
      double r = kNaN;
      if (si.constant || sj.constant) {
        r = kNaN;
      } else if (si.complete && sj.complete) {
        r = pearson(static_cast<double>(rows), total.sum[i], total.sum[j], total.squares[i], total.squares[j],
                    total.cross[p]);
      } else {
        double n = total.rows[p], sx = total.x[p], sxx = total.xx[p], sy = total.y[p], syy = total.yy[p];
        if (modes[p] == PairMode::Subtract) {
          n = static_cast<double>(si.finite) - (static_cast<double>(rows - sj.finite) - n);
          sx = total.sum[i] - sx, sxx = total.squares[i] - sxx;
          sy = total.sum[j] - sy, syy = total.squares[j] - syy;
        }
        // Recomputed exactly where the sums cannot be trusted: a column (nearly) constant on the
        // common rows, where pandas gives NaN, or, by subtraction, rows missed by the other column
        // that held most of a column's spread.
        const double floorX = modes[p] == PairMode::Subtract ? 0.5 * total.squares[i] : 1e-4 * sxx;
        const double floorY = modes[p] == PairMode::Subtract ? 0.5 * total.squares[j] : 1e-4 * syy;
        const bool trusted = sxx - sx * sx / n > floorX && syy - sy * sy / n > floorY;
        if (n >= 2) r = trusted ? pearson(n, sx, sy, sxx, syy, total.cross[p]) : exactPair(readers[i], readers[j], rows, context);
      }
      out.values[i * k + j] = out.values[j * k + i] = r;
    }
    context.progress(0.9 + 0.1 * static_cast<double>(i + 1) / static_cast<double>(k), message);
  }
  context.progress(1.0, message);
  return out;
}

}  // namespace lathe::explore
