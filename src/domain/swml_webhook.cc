#include "domain/swml_webhook.h"

#include <algorithm>
#include <cctype>

#include "domain/endpoint_rules.h"

namespace sb {
namespace {

void Url(const char* name, const PatchField<std::string>& f, std::optional<std::string>& out,
         std::vector<FieldError>& errors) {
  if (!f.present)
    return;
  if (!f.value || f.value->empty()) {
    out.reset();
  } else if (!IsHttpUrl(*f.value)) {
    errors.push_back(
        {"not_an_http_url", name, std::string(name) + " must be an absolute http or https URL"});
  } else {
    out = *f.value;
  }
}

void Method(const char* name, const PatchField<std::string>& f, std::optional<std::string>& out,
            std::vector<FieldError>& errors) {
  if (!f.present)
    return;
  if (!f.value || f.value->empty()) {
    out.reset();
    return;
  }
  std::string upper = *f.value;
  for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (upper != "GET" && upper != "POST") {
    errors.push_back({"invalid_http_method", name, std::string(name) + " must be GET or POST"});
  } else {
    out = upper;
  }
}

// A method follows its URL: POST by default while the URL is set, null without it.
void FollowUrl(const std::optional<std::string>& url, std::optional<std::string>& method) {
  if (!url) {
    method.reset();
  } else if (!method) {
    method = "POST";
  }
}

bool Has(const std::vector<FieldError>& errors, std::string_view attribute) {
  return std::any_of(errors.begin(), errors.end(),
                     [&](const FieldError& e) { return e.attribute == attribute; });
}

}  // namespace

Result<SwmlWebhook> ApplySwmlWebhookPatch(SwmlWebhook w, const SwmlWebhookPatch& patch,
                                          bool create) {
  std::vector<FieldError> errors = patch.decode_errors;
  if (!Has(errors, "name")) {
    if (patch.name.present || create) {
      const auto& v = patch.name.value;
      if (!v || v->empty()) {
        errors.push_back({"missing_required_parameter", "name", "name is required"});
      } else if (Utf8Length(*v) > 255 || HasControlCharacter(*v)) {
        errors.push_back({"invalid_parameter", "name",
                          "name must be at most 255 characters, without control characters"});
      } else {
        w.name = *v;
      }
    }
  }
  if (patch.used_for.present && !Has(errors, "used_for")) {
    if (patch.used_for.value && *patch.used_for.value != "calling") {
      errors.push_back({"invalid_parameter", "used_for", "used_for must be calling"});
    }
  }
  if (!Has(errors, "primary_request_url")) {
    std::optional<std::string> primary;
    if (!w.primary_request_url.empty())
      primary = w.primary_request_url;
    Url("primary_request_url", patch.primary_request_url, primary, errors);
    if (!primary && !Has(errors, "primary_request_url")) {
      errors.push_back(
          {"missing_required_parameter", "primary_request_url", "primary_request_url is required"});
    }
    w.primary_request_url = primary.value_or("");
  }
  std::optional<std::string> primary_method = w.primary_request_method;
  if (!Has(errors, "primary_request_method")) {
    Method("primary_request_method", patch.primary_request_method, primary_method, errors);
  }
  w.primary_request_method = primary_method.value_or("POST");
  if (!Has(errors, "fallback_request_url")) {
    Url("fallback_request_url", patch.fallback_request_url, w.fallback_request_url, errors);
  }
  if (!Has(errors, "fallback_request_method")) {
    Method("fallback_request_method", patch.fallback_request_method, w.fallback_request_method,
           errors);
  }
  if (!Has(errors, "status_callback_url")) {
    Url("status_callback_url", patch.status_callback_url, w.status_callback_url, errors);
  }
  if (!Has(errors, "status_callback_method")) {
    Method("status_callback_method", patch.status_callback_method, w.status_callback_method,
           errors);
  }
  FollowUrl(w.fallback_request_url, w.fallback_request_method);
  FollowUrl(w.status_callback_url, w.status_callback_method);
  if (!errors.empty())
    return Fail(Error::Validation(std::move(errors)));
  return w;
}

}  // namespace sb
