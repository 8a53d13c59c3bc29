#include "engine/monitor/BiasReport.h"

#include "engine/monitor/MonitorJson.h"

namespace lathe::monitor {

void to_json(nlohmann::json& out, const BiasReport& report) {
  nlohmann::json groups = nlohmann::json::array();
  for (const auto& g : report.groups)
    groups.push_back({{"group", g.group}, {"rows", g.rows}, {"positive_rate", g.positiveRate},
                      {"recall", optionalNumber(g.recall)}});
  out = {{"attribute", report.attribute},
         {"positive_class", report.positiveClass},
         {"groups", groups},
         {"parity_gap", report.parityGap},
         {"opportunity_gap", optionalNumber(report.opportunityGap)},
         {"baseline_parity_gap", optionalNumber(report.baselineParityGap)},
         {"baseline_opportunity_gap", optionalNumber(report.baselineOpportunityGap)},
         {"threshold", report.threshold},
         {"alert", report.alert}};
}

void from_json(const nlohmann::json& in, BiasReport& report) {
  report.attribute = in.value("attribute", std::string());
  report.positiveClass = in.value("positive_class", std::string());
  report.groups.clear();
  if (const auto it = in.find("groups"); it != in.end() && it->is_array())
    for (const auto& g : *it)
      report.groups.push_back({g.value("group", std::string()), g.value("rows", std::uint64_t{0}),
                               g.value("positive_rate", 0.0), readOptionalNumber(g, "recall")});
  report.parityGap = in.value("parity_gap", 0.0);
  report.opportunityGap = readOptionalNumber(in, "opportunity_gap");
  report.baselineParityGap = readOptionalNumber(in, "baseline_parity_gap");
  report.baselineOpportunityGap = readOptionalNumber(in, "baseline_opportunity_gap");
  report.threshold = in.value("threshold", 0.1);
  report.alert = in.value("alert", false);
}

}  // namespace lathe::monitor
