#include "cli/project_commands.h"

#include <iostream>

#include <nlohmann/json.hpp>

#include "cli/admin_context.h"
#include "domain/sip_profile.h"
#include "domain/timestamp.h"

namespace sb::cli {
namespace {

struct ProjectOptions {
  std::string name;
  std::string domain_identifier;
  std::string sip_domain = "sip.localhost";
  bool json = false;
};

nlohmann::ordered_json ProjectJson(const Project& p, const std::string& suffix) {
  return {{"id", p.id},
          {"name", p.name},
          {"domain_identifier", p.profile.domain_identifier},
          {"domain", SipDomain(p.profile, suffix)},
          {"created_at", FormatTimestamp(p.created_at)}};
}

int Create(const Config& config, const ProjectOptions& options) {
  AdminContext admin(config);
  auto project = admin.projects.CreateProject(options.name, options.domain_identifier);
  if (!project)
    return ReportError(project.error());
  if (options.json) {
    std::cout << ProjectJson(*project, options.sip_domain).dump(2) << "\n";
  } else {
    std::cout << "created project " << project->id << " \"" << project->name << "\", SIP domain "
              << SipDomain(project->profile, options.sip_domain) << "\n";
  }
  return 0;
}

int List(const Config& config, const ProjectOptions& options) {
  AdminContext admin(config);
  auto projects = admin.projects.ListProjects();
  if (!projects)
    return ReportError(projects.error());
  if (options.json) {
    auto out = nlohmann::ordered_json::array();
    for (const auto& p : *projects) out.push_back(ProjectJson(p, options.sip_domain));
    std::cout << out.dump(2) << "\n";
    return 0;
  }
  std::printf("%-36s  %-24s  %s\n", "ID", "NAME", "SIP DOMAIN");
  for (const auto& p : *projects) {
    std::printf("%-36s  %-24s  %s\n", p.id.c_str(), p.name.c_str(),
                SipDomain(p.profile, options.sip_domain).c_str());
  }
  return 0;
}

}  // namespace

void AddProjectCommands(CLI::App& app, Config& config, int& exit_code) {
  auto options = std::make_shared<ProjectOptions>();
  auto* project = app.add_subcommand("project", "Manage projects (tenants)");
  project->require_subcommand(1);

  auto* create = project->add_subcommand("create", "Create a project");
  create->add_option("--name", options->name, "Project name")->required();
  create->add_option("--domain-identifier", options->domain_identifier,
                     "First label of the project's SIP domain (default: from the name)");
  create->add_flag("--json", options->json, "Print JSON");
  AddStoreOptions(*create, config);
  create->add_option("--sip-domain", options->sip_domain, "Server SIP domain suffix")
      ->envname("SWITCHBOARD_SIP_DOMAIN");
  create->callback(WithConfigFile(
      *create, config, [&config, options, &exit_code] { exit_code = Create(config, *options); }));

  auto* list = project->add_subcommand("list", "List projects");
  list->add_flag("--json", options->json, "Print JSON");
  AddStoreOptions(*list, config);
  list->add_option("--sip-domain", options->sip_domain, "Server SIP domain suffix")
      ->envname("SWITCHBOARD_SIP_DOMAIN");
  list->callback(WithConfigFile(
      *list, config, [&config, options, &exit_code] { exit_code = List(config, *options); }));
}

}  // namespace sb::cli
