#include "app/cli/ServeCommand.h"

#include <csignal>
#include <ostream>
#include <pthread.h>

#include "app/cli/Cli.h"
#include "app/cli/CommandLine.h"
#include "app/cli/WritableProject.h"
#include "engine/deploy/ModelBundle.h"
#include "engine/serve/ServingSession.h"
#include "engine/store/Project.h"

namespace lathe::cli {

int runServe(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  const CommandLine line(args, {{"--endpoint", "--port", "--token", "--host", "--threads", "--rate-limit"}, {}, {}});
  if (line.positionals().size() != 1) throw UsageError{"serve takes one PROJECT (or a model bundle) (see lathe --help)"};
  const std::string& path = line.positionals().front();
  serve::ServingSession::Options options;
  options.host = line.value("--host").value_or("127.0.0.1");
  options.port = line.number<int>("--port").value_or(8321);
  if (options.port < 0 || options.port > 65535) throw UsageError{"--port is a port number (1 to 65535, or 0 for any free one)"};
  options.token = line.value("--token").value_or("");
  options.threads = line.number<std::size_t>("--threads").value_or(0);
  options.rateLimit = line.number<double>("--rate-limit").value_or(0.0);

  // SIGINT and SIGTERM are taken by this thread alone (sigwait below): every thread the server
  // starts inherits the blocked mask, so a signal never lands in a worker.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  std::unique_ptr<serve::ServingSession> session;
  if (deploy::ModelBundle::looksLikeBundle(path)) {
    session = serve::ServingSession::fromBundle(path, options);
  } else {
    const auto endpoint = line.value("--endpoint");
    if (!endpoint) throw UsageError{"serve needs --endpoint NAME (see lathe endpoint list)"};
    // Writable: the request log and the canary's steps are written to the project.
    std::shared_ptr<const store::Project> project = openWritableProject(path);
    session = serve::ServingSession::fromProject(project, *endpoint, options);
  }
  session->start();
  if (options.host != "127.0.0.1" && options.host != "::1" && options.host != "localhost")
    err << "lathe serve: listening on " << options.host << ": other machines can reach this server\n";
  out << "serving " << session->endpoint() << " at " << session->predictUrl() << '\n'
      << "token: " << session->token() << '\n'
      << "stop with Ctrl-C" << std::endl;
  if (const auto recovered = session->recoveredLogRecords())
    out << "logged " << recovered << " requests a killed server had answered (from its journal)" << std::endl;
  int received = 0;
  sigwait(&signals, &received);
  session->stop();
  const auto snapshot = session->snapshot();
  std::uint64_t requests = 0;
  for (const auto& variant : snapshot.variants) requests += variant.stats.requests;
  out << "stopped after " << requests << " requests (" << session->loggedRequests() << " logged";
  if (session->droppedLogRecords()) out << ", " << session->droppedLogRecords() << " not logged: the log fell behind";
  out << ")" << std::endl;
  return kExitOk;
}

}  // namespace lathe::cli
