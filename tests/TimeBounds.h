#pragma once
// A test's time bound is for the optimised builds; under AddressSanitizer and UBSan (an -O0
// build with every memory access checked) code runs tens of times slower, so bounds are scaled
// there and still catch a hang or a blow-up. Measured figures belong in docs/benchmarks.md.
#if defined(__SANITIZE_ADDRESS__)
inline constexpr double kTimeBoundScale = 30.0;
#else
inline constexpr double kTimeBoundScale = 1.0;
#endif
