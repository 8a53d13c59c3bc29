#pragma once
#include <string>

#include "engine/jobs/Job.h"

namespace lathe::pipeline {

// Writes the German-credit demo project (DemoProject::write) as a job: storing the dataset and
// the pipeline takes a moment, and the window stays responsive meanwhile.
class WriteDemoProjectJob : public jobs::Job {
 public:
  WriteDemoProjectJob(std::string path, std::string creditArff)
      : path_(std::move(path)), creditArff_(std::move(creditArff)) {}
  std::string name() const override { return "write the demo project"; }
  void run(jobs::JobContext& context) override;

 private:
  std::string path_;
  std::string creditArff_;
};

}  // namespace lathe::pipeline
