#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/clock.h"
#include "domain/ids.h"
#include "domain/project.h"
#include "domain/random.h"
#include "storage/project_store.h"

namespace sb {

// A token as created: its description and the secret, which is shown this once and never again.
struct IssuedToken {
  ApiToken token;
  std::string secret;
};

// What first start created, for `serve` to print.
struct Bootstrap {
  Project project;
  IssuedToken token;
};

// Projects and API tokens (CONTRACT 2), for the CLI and first-run bootstrap. Thread-safe.
class ProjectService {
 public:
  ProjectService(ProjectStore& projects, IdGenerator& ids, RandomSource& random, const Clock& clock)
      : projects_(projects), ids_(ids), random_(random), clock_(clock) {}

  // `domain_identifier` empty: derived from the name plus a random suffix. kInvalidArgument for
  // a bad name or identifier; kInvalidArgument (not_unique) when the identifier is taken.
  Result<Project> CreateProject(const std::string& name, const std::string& domain_identifier);
  Result<std::vector<Project>> ListProjects();
  Result<Project> GetProject(const std::string& project_id);

  // `scopes` empty: every scope. kNotFound for an unknown project.
  Result<IssuedToken> CreateToken(const std::string& project_id, const std::string& name,
                                  std::vector<std::string> scopes);
  Result<std::vector<ApiToken>> ListTokens(const std::string& project_id);
  Result<void> RevokeToken(const std::string& project_id, const std::string& token_id);

  // On an empty store, creates the "default" project and a token with every scope; nullopt
  // when any project exists already.
  Result<std::optional<Bootstrap>> BootstrapIfEmpty();

 private:
  ProjectStore& projects_;
  IdGenerator& ids_;
  RandomSource& random_;
  const Clock& clock_;
};

}  // namespace sb
