#include "domain/endpoint_rules.h"

#include <algorithm>
#include <cctype>
#include <string>

#include "domain/ids.h"
#include "domain/media_options.h"

namespace sb {
namespace {

constexpr std::size_t kMaxUsername = 64;
constexpr std::size_t kMaxPassword = 128;
constexpr std::size_t kMaxText = 255;
constexpr std::size_t kMaxUrl = 2048;
constexpr std::string_view kUsernamePunctuation = "-_.!~*'()&=+$,;?/";

// Collects field errors so that every problem of one request is reported together.
class Errors {
 public:
  void Add(std::string code, std::string attribute, std::string message) {
    list_.push_back({std::move(code), std::move(attribute), std::move(message)});
  }
  void Add(FieldError error) { list_.push_back(std::move(error)); }
  bool Has(std::string_view attribute) const {
    return std::any_of(list_.begin(), list_.end(),
                       [&](const FieldError& e) { return e.attribute == attribute; });
  }
  bool Empty() const { return list_.empty(); }
  std::vector<FieldError> Take() { return std::move(list_); }

 private:
  std::vector<FieldError> list_;
};

// Free text (caller_id, display_name, text companions): null or "" clears it.
std::optional<std::string> FreeText(const std::string& name, const std::optional<std::string>& in,
                                    Errors& errors) {
  if (!in || in->empty())
    return std::nullopt;
  if (Utf8Length(*in) > kMaxText) {
    errors.Add("invalid_parameter", name, name + " must be at most 255 characters");
  } else if (HasControlCharacter(*in)) {
    errors.Add("invalid_parameter", name, name + " must not contain control characters");
  }
  return in;
}

std::vector<std::string> MediaList(const std::string& name, const std::vector<std::string>& in,
                                   std::span<const std::string_view> allowed, Errors& errors) {
  for (const auto& value : in) {
    if (std::find(allowed.begin(), allowed.end(), value) == allowed.end()) {
      std::string message = name + " contains an unknown value; allowed values are ";
      for (std::size_t i = 0; i < allowed.size(); ++i) {
        message += (i ? ", " : "") + std::string(allowed[i]);
      }
      errors.Add("list_contains_invalid_entries", name, message);
      break;
    }
  }
  return WithoutDuplicates(in);
}

void ApplyUsername(SipEndpoint& ep, const EndpointPatch& patch, WriteKind kind, Errors& errors) {
  const auto& f = patch.username;
  if (!f.present || !f.value) {
    if (kind == WriteKind::kCreate || f.IsNull()) {
      errors.Add("missing_required_parameter", "username", "username is required");
    }
    return;
  }
  if (auto problem = CheckUsername(*f.value); !problem.empty()) {
    errors.Add(f.value->empty() ? "missing_required_parameter" : "invalid_parameter", "username",
               problem);
    return;
  }
  ep.username = *f.value;
}

void CheckPasswordField(const EndpointPatch& patch, WriteKind kind, Surface surface,
                        const EndpointRules& rules, Errors& errors) {
  const auto& f = patch.password;
  // An absent, null or empty password on update means "unchanged": clients that send every key
  // (CONTRACT 11) must not wipe a phone's credentials by accident.
  bool given = f.value && !f.value->empty();
  if (!given) {
    if (kind == WriteKind::kCreate && surface == Surface::kRelay) {
      errors.Add("missing_required_parameter", "password", "password is required");
    }
    return;
  }
  if (auto problem = CheckPassword(*f.value, rules.min_password_length); !problem.empty()) {
    errors.Add("invalid_parameter", "password", problem);
  }
}

void ApplySendAs(SipEndpoint& ep, const EndpointPatch& patch, Errors& errors) {
  const auto& f = patch.send_as;
  if (!f.present)
    return;
  if (!f.value || f.value->empty()) {
    ep.send_as.reset();
  } else if (*f.value == "random" || IsE164(*f.value)) {
    ep.send_as = *f.value;
  } else {
    errors.Add("send_as_is_invalid", "send_as",
               "send_as must be \"random\" or an E.164 number such as +15551234567");
  }
}

void ApplyEncryption(SipEndpoint& ep, const EndpointPatch& patch, Errors& errors) {
  const auto& f = patch.encryption;
  if (!f.present)
    return;
  if (!f.value) {
    ep.encryption = "default";
  } else if (*f.value == "default" || *f.value == "required" || *f.value == "optional") {
    ep.encryption = *f.value;
  } else {
    errors.Add("invalid_parameter", "encryption",
               "encryption must be one of: default, required, optional");
  }
}

void ApplyCallHandler(SipEndpoint& ep, const EndpointPatch& patch, Surface surface,
                      Errors& errors) {
  const auto& f = patch.call_handler;
  if (!f.present)
    return;
  if (!f.value) {
    ep.call_handler = CallHandler::kDefault;
    return;
  }
  auto handler = ParseCallHandler(*f.value);
  if (!handler || (surface == Surface::kFabric && !FabricMayWrite(*handler))) {
    std::string allowed = surface == Surface::kFabric
                              ? "default, passthrough, block-pstn, resource"
                              : "default, passthrough, block-pstn, resource, laml_webhooks, "
                                "laml_application, dialogflow, relay_topic, relay_context, "
                                "relay_application, relay_script, video_room, call_flow, "
                                "ai_agent, relay_connector";
    errors.Add("invalid_parameter", "call_handler", "call_handler must be one of: " + allowed);
    return;
  }
  ep.call_handler = *handler;
}

void ApplyResourceId(SipEndpoint& ep, const EndpointPatch& patch, Errors& errors) {
  const auto& f = patch.calling_handler_resource_id;
  if (f.present) {
    if (!f.value || f.value->empty()) {
      ep.calling_handler_resource_id.reset();
    } else if (!IsUuid(*f.value)) {
      errors.Add("provided_id_is_unrecognized", "calling_handler_resource_id",
                 "calling_handler_resource_id must be the id of a resource of this project");
    } else {
      ep.calling_handler_resource_id = CanonicalUuid(*f.value);
    }
  }
  if (ep.call_handler != CallHandler::kResource) {
    ep.calling_handler_resource_id.reset();
  } else if (!ep.calling_handler_resource_id && !errors.Has("calling_handler_resource_id")) {
    errors.Add("missing_required_parameter", "calling_handler_resource_id",
               "calling_handler_resource_id is required when call_handler is resource");
  }
}

std::optional<std::string> CheckCompanion(const CompanionSpec& spec, const std::string& value,
                                          Errors& errors) {
  std::string name(spec.name);
  switch (spec.kind) {
    case CompanionKind::kUrl:
      if (!IsHttpUrl(value)) {
        errors.Add("not_an_http_url", name, name + " must be an absolute http or https URL");
      }
      return value;
    case CompanionKind::kMethod: {
      std::string upper = value;
      for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      if (upper != "GET" && upper != "POST") {
        errors.Add("invalid_http_method", name, name + " must be GET or POST");
      }
      return upper;
    }
    case CompanionKind::kUuid:
      if (!IsUuid(value))
        errors.Add("invalid_parameter", name, name + " must be a UUID");
      return CanonicalUuid(value);
    case CompanionKind::kFlowVersion:
      if (value != "working_copy" && value != "current_deployed") {
        errors.Add("invalid_parameter", name,
                   name + " must be one of: working_copy, current_deployed");
      }
      return value;
    case CompanionKind::kText:
      return FreeText(name, value, errors);
  }
  return value;
}

// Writes the patch's companions, then keeps the invariant that only the current handler's
// companions are set, that its required one is, and that a method follows its URL.
void ApplyCompanions(SipEndpoint& ep, const EndpointPatch& patch, Errors& errors) {
  const auto& specs = CompanionSpecs();
  for (std::size_t i = 0; i < kCompanionCount; ++i) {
    const auto& f = patch.companions[i];
    if (!f.present)
      continue;
    if (!f.value || f.value->empty()) {
      ep.companions[i].reset();
    } else {
      ep.companions[i] = CheckCompanion(specs[i], *f.value, errors);
    }
  }
  for (std::size_t i = 0; i < kCompanionCount; ++i) {
    const auto& spec = specs[i];
    auto& value = ep.companions[i];
    if (spec.handler != ep.call_handler) {
      value.reset();
      continue;
    }
    if (spec.kind == CompanionKind::kMethod) {
      if (!ep.companions[spec.url_companion]) {
        value.reset();
      } else if (!value) {
        value = "POST";
      }
    }
    if (spec.required && !value && !errors.Has(spec.name)) {
      errors.Add("missing_required_parameter", std::string(spec.name),
                 std::string(spec.name) + " is required when call_handler is " +
                     std::string(CallHandlerName(ep.call_handler)));
    }
  }
}

}  // namespace

Result<SipEndpoint> ApplyEndpointPatch(SipEndpoint ep, const EndpointPatch& patch, WriteKind kind,
                                       Surface surface, const EndpointRules& rules) {
  Errors errors;
  for (const auto& e : patch.decode_errors) errors.Add(e);
  if (!errors.Has("username"))
    ApplyUsername(ep, patch, kind, errors);
  if (!errors.Has("password"))
    CheckPasswordField(patch, kind, surface, rules, errors);
  if (patch.display_name.present && !errors.Has("display_name")) {
    ep.display_name = FreeText("display_name", patch.display_name.value, errors);
  }
  if (patch.caller_id.present && !errors.Has("caller_id")) {
    ep.caller_id = FreeText("caller_id", patch.caller_id.value, errors);
  }
  if (!errors.Has("send_as"))
    ApplySendAs(ep, patch, errors);
  if (patch.ciphers.present && !errors.Has("ciphers")) {
    ep.ciphers = MediaList("ciphers", patch.ciphers.value.value_or(std::vector<std::string>{}),
                           KnownCiphers(), errors);
  }
  if (patch.codecs.present && !errors.Has("codecs")) {
    ep.codecs = MediaList("codecs", patch.codecs.value.value_or(std::vector<std::string>{}),
                          KnownCodecs(), errors);
  }
  if (!errors.Has("encryption"))
    ApplyEncryption(ep, patch, errors);
  if (!errors.Has("call_handler"))
    ApplyCallHandler(ep, patch, surface, errors);
  ApplyResourceId(ep, patch, errors);
  ApplyCompanions(ep, patch, errors);
  if (!errors.Empty())
    return Fail(Error::Validation(errors.Take()));
  return ep;
}

std::string CheckUsername(std::string_view username) {
  if (username.empty())
    return "username must not be blank";
  if (username.size() > kMaxUsername)
    return "username must be at most 64 characters";
  for (char c : username) {
    auto u = static_cast<unsigned char>(c);
    if (std::isspace(u) || c == '@')
      return "username must not contain whitespace or @";
  }
  for (char c : username) {
    auto u = static_cast<unsigned char>(c);
    if (u >= 0x80 || !(std::isalnum(u) || kUsernamePunctuation.find(c) != std::string_view::npos)) {
      return "username may contain only letters, digits and - _ . ! ~ * ' ( ) & = + $ , ; ? /";
    }
  }
  return {};
}

std::string CheckPassword(std::string_view password, std::size_t min_length) {
  std::size_t length = Utf8Length(password);
  if (length < min_length) {
    return "password must be at least " + std::to_string(min_length) + " characters";
  }
  if (length > kMaxPassword)
    return "password must be at most 128 characters";
  if (HasControlCharacter(password))
    return "password must not contain control characters";
  return {};
}

bool IsE164(std::string_view number) {
  if (number.size() < 8 || number.size() > 16 || number[0] != '+' || number[1] == '0') {
    return false;
  }
  return std::all_of(number.begin() + 1, number.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool IsHttpUrl(std::string_view url) {
  if (url.size() > kMaxUrl)
    return false;
  std::string lower;
  for (char c : url.substr(0, 8))
    lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  std::size_t host_start;
  if (lower.rfind("http://", 0) == 0) {
    host_start = 7;
  } else if (lower.rfind("https://", 0) == 0) {
    host_start = 8;
  } else {
    return false;
  }
  if (host_start >= url.size() || url[host_start] == '/' || url[host_start] == '?' ||
      url[host_start] == '#' || url[host_start] == ':') {
    return false;
  }
  return std::none_of(url.begin(), url.end(), [](char c) {
    auto u = static_cast<unsigned char>(c);
    return u <= 0x20 || u == 0x7f;
  });
}

bool HasControlCharacter(std::string_view text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    auto u = static_cast<unsigned char>(text[i]);
    if (u < 0x20 || u == 0x7f)
      return true;
    // C1 controls U+0080..U+009F are encoded as C2 80..C2 9F.
    if (u == 0xc2 && i + 1 < text.size()) {
      auto next = static_cast<unsigned char>(text[i + 1]);
      if (next >= 0x80 && next <= 0x9f)
        return true;
    }
  }
  return false;
}

std::size_t Utf8Length(std::string_view text) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xc0) != 0x80;
  }));
}

}  // namespace sb
