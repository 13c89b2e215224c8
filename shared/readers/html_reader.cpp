// Parsing (misplaced DOCTYPEs dropped, attribute and nesting guards, then Gumbo with error recording off) and assembly of the Article from
// html_meta's fields and html_body's paragraphs, <h1> and <time> fallbacks.
#include "readers/html_reader.hpp"

#include <gumbo.h>

#include <optional>
#include <utility>

#include "readers/html_attributes.hpp"
#include "readers/html_body.hpp"
#include "readers/html_doctype.hpp"
#include "readers/html_dom.hpp"
#include "readers/html_meta.hpp"
#include "readers/html_nesting.hpp"

namespace gazette {
namespace {

const GumboOptions& parse_options() {
    static const GumboOptions options = [] {
        GumboOptions o = kGumboDefaultOptions;
        o.max_errors = 0;  // errors are not used, and recording one copies the open-element stack
        return o;
    }();
    return options;
}

// One Gumbo parse tree; `html` must outlive it.
class ParsedPage {
public:
    explicit ParsedPage(std::string_view html)
        : m_output(gumbo_parse_with_options(&parse_options(), html.empty() ? "" : html.data(),
                                            html.size())) {}
    ~ParsedPage() {
        if (m_output != nullptr) gumbo_destroy_output(&parse_options(), m_output);
    }
    ParsedPage(const ParsedPage&) = delete;
    ParsedPage& operator=(const ParsedPage&) = delete;

    [[nodiscard]] const GumboNode* document() const {
        return m_output != nullptr ? m_output->document : nullptr;
    }

private:
    GumboOutput* m_output;
};

// Same words regardless of ASCII case (titles and headings differ in capitalisation).
bool same_text(std::string_view a, std::string_view b) { return html::iequals(a, b); }

}  // namespace

Article parse_html_article(std::string_view utf8_html, std::string id,
                           const DateParseOptions& dates, std::size_t max_nesting) {
    Article article;
    article.id = std::move(id);

    std::optional<std::string> cleaned = html::drop_misplaced_doctypes(utf8_html);
    std::string_view input = cleaned ? std::string_view(*cleaned) : utf8_html;
    std::optional<std::string> few_attributes = html::limit_attributes(input);
    if (few_attributes) input = *few_attributes;
    std::optional<std::string> shallow = html::limit_nesting(input, max_nesting);
    ParsedPage page(shallow ? std::string_view(*shallow) : input);

    html::apply_page_meta(html::collect_page_meta(page.document()), dates, article);
    html::HtmlBody body = html::extract_body(page.document());

    if (article.title.empty()) article.title = body.heading;
    for (std::size_t i = 0; !article.date && i < body.time_datetimes.size(); ++i) {
        if (auto date = parse_date(body.time_datetimes[i], dates)) {
            article.date = date;
            article.date_source = "time-element";
        }
    }
    article.paragraphs = std::move(body.paragraphs);
    if (!article.paragraphs.empty() && same_text(article.paragraphs.front(), article.title))
        article.paragraphs.erase(article.paragraphs.begin());
    return article;
}

}  // namespace gazette
