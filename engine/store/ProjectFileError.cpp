#include "engine/store/ProjectFileError.h"

namespace lathe::store {
namespace {

ErrorCode codeFor(ProjectProblem problem) {
  switch (problem) {
    case ProjectProblem::Missing:
    case ProjectProblem::NotAFile:
    case ProjectProblem::InUse:
    case ProjectProblem::AlreadyExists:
    case ProjectProblem::SameFile:
    case ProjectProblem::WriteFailed: return ErrorCode::Io;
    case ProjectProblem::Empty:
    case ProjectProblem::NotADatabase:
    case ProjectProblem::ForeignDatabase: return ErrorCode::Parse;
    case ProjectProblem::NewerVersion:
    case ProjectProblem::OlderReadOnly: return ErrorCode::Unsupported;
    case ProjectProblem::Damaged: return ErrorCode::Corrupt;
  }
  return ErrorCode::Io;
}

}  // namespace

ProjectFileError::ProjectFileError(ProjectProblem problem, std::string message, std::string file)
    : Error(codeFor(problem), std::move(message), ErrorLocation{std::move(file)}), problem_(problem) {}

const char* projectProblemName(ProjectProblem problem) {
  switch (problem) {
    case ProjectProblem::Missing: return "missing";
    case ProjectProblem::NotAFile: return "not_a_file";
    case ProjectProblem::Empty: return "empty";
    case ProjectProblem::NotADatabase: return "not_a_database";
    case ProjectProblem::ForeignDatabase: return "foreign_database";
    case ProjectProblem::NewerVersion: return "newer_version";
    case ProjectProblem::OlderReadOnly: return "older_read_only";
    case ProjectProblem::Damaged: return "damaged";
    case ProjectProblem::InUse: return "in_use";
    case ProjectProblem::AlreadyExists: return "already_exists";
    case ProjectProblem::SameFile: return "same_file";
    case ProjectProblem::WriteFailed: return "write_failed";
  }
  return "unknown";
}

}  // namespace lathe::store
