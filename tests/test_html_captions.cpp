// Picture captions in HTML pages (#16): a caption in the story is indexed after the story's last
// paragraph (never as its lead), without its photo credits, found by structure and by wording in
// several languages; credit-only captions, teasers dressed as captions and captions outside the
// story add nothing. Pages and captions invented for these tests.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "readers/html_reader.hpp"

using namespace gazette;

namespace {

std::string page(const std::string& body) {
    return "<!DOCTYPE html><html><head><title>Harbour cranes return</title></head><body>" + body +
           "</body></html>";
}

const std::string kLead =
    "The port authority said on Tuesday that the three cranes removed for repairs last winter "
    "would return to the northern quay by the end of the month, ending a long delay.";
const std::string kMiddle =
    "Shipping agents had complained for months that the missing cranes doubled the time a "
    "container ship spent at the quay, and that some lines had moved their calls elsewhere.";
const std::string kLast =
    "The authority expects traffic to recover by the summer, its director told reporters, "
    "although she declined to say whether the lines that left would come back.";
const std::string kCaption = "A repaired crane is lifted onto a barge at the northern quay.";

std::string p(const std::string& text) { return "<p>" + text + "</p>"; }

std::string figure(const std::string& caption) {
    return "<figure><img src=\"crane.jpg\" alt=\"\"><figcaption>" + caption +
           "</figcaption></figure>";
}

std::string story(const std::string& before, const std::string& between = "") {
    return "<article>" + before + p(kLead) + between + p(kMiddle) + p(kLast) + "</article>";
}

std::string all_text(const Article& a) {
    std::string all;
    for (const std::string& paragraph : a.paragraphs) all += paragraph + "\n";
    return all;
}

bool has(const Article& a, const std::string& text) {
    return all_text(a).find(text) != std::string::npos;
}

using Paragraphs = std::vector<std::string>;

}  // namespace

TEST_CASE("a caption in the story is kept after its last paragraph, never as its lead",
          "[html][caption]") {
    for (const std::string& body : {story(figure(kCaption)), story("", figure(kCaption)),
                                    story(figure(kCaption) + figure(kCaption))}) {
        INFO(body);
        Article a = parse_html_article(page(body), "x");
        CHECK(a.paragraphs == Paragraphs{kLead, kMiddle, kLast, kCaption});  // and only once
    }
    // The picture above the story, in the story's own header, does not lead it either.
    Article header =
        parse_html_article(page("<article><header><h1>Cranes return</h1>" + figure(kCaption) +
                                "</header>" + p(kLead) + p(kLast) + "</article>"),
                           "x");
    CHECK(header.paragraphs == Paragraphs{kLead, kLast, kCaption});
}

TEST_CASE("a box named as a caption beside a picture is a caption; a type size is not",
          "[html][caption]") {
    for (std::string caption_box :
         {"<div class=\"wp-caption\"><img src=\"c.jpg\"><p class=\"wp-caption-text\">" + kCaption +
              "</p></div>",
          "<div class=\"media\"><div class=\"frame\"><img src=\"c.jpg\"></div><div "
          "class=\"bildunterschrift\">" +
              kCaption + "</div></div>"}) {
        INFO(caption_box);
        Article a = parse_html_article(page(story(caption_box)), "x");
        CHECK(a.paragraphs == Paragraphs{kLead, kMiddle, kLast, kCaption});
    }
    // "caption" naming a type size, with no picture beside it, is story text where it stands.
    const std::string small = "Cranes at a glance: three machines, forty tonnes each, back soon.";
    Article a = parse_html_article(
        page(story("", "<p class=\"caption-s5 text-muted\">" + small + "</p>")), "x");
    CHECK(a.paragraphs == Paragraphs{kLead, small, kMiddle, kLast});
}

TEST_CASE("a caption's credits are left out, by structure and by wording", "[html][caption]") {
    struct Row {
        std::string caption, credit;
    };
    std::vector<Row> rows = {
        {kCaption + " <span class=\"credit\">Jane Roe</span>", "Jane Roe"},
        {kCaption + " <span class=\"image-copyright\">Harbour Agency</span>", "Harbour Agency"},
        {kCaption + " <small>Sam Poe for the Gazette</small>", "Sam Poe"},
        {"<span>© Harbour Agency</span> " + kCaption, "Harbour Agency"},
        {"<div>Foto: Max Muster</div><div>" + kCaption + "</div>", "Max Muster"},
        {kCaption + " Photo: Jane Roe", "Jane Roe"},
        {kCaption + " Foto: Max Muster/Agentur", "Max Muster"},
        {kCaption + " Bild: Hafenamt Nord", "Hafenamt"},
        {kCaption + " Crédit : Jeanne Roux", "Jeanne Roux"},
        {kCaption + " (Image credit: Harbour Agency)", "Harbour Agency"},
        {kCaption + " AP Photo/Sam Poe", "Sam Poe"},
        {kCaption + " Jane Roe/Getty Images", "Getty"},
        {kCaption + " © Max Muster / Agentur Nord", "Agentur Nord"},
    };
    for (const auto& row : rows) {
        INFO(row.caption);
        Article a = parse_html_article(page(story("", figure(row.caption))), "x");
        CHECK(a.paragraphs.back() == kCaption);
        CHECK_FALSE(has(a, row.credit));
    }
}

TEST_CASE("a caption of credits, a name or a label alone adds nothing", "[html][caption]") {
    for (std::string caption :
         {"Photo: Jane Roe", "Getty Images", "AP Photo/Sam Poe", "© Harbour Agency",
          "<span class=\"credit\">Jane Roe</span>", "Jane Roe", "Harbour view"}) {
        INFO(caption);
        Article a = parse_html_article(page(story("", figure(caption))), "x");
        CHECK(a.paragraphs == Paragraphs{kLead, kMiddle, kLast});
    }
}

TEST_CASE("captions outside the story, hidden ones and teasers stay out", "[html][caption]") {
    const std::string gallery = "<aside class=\"gallery\">" +
                                figure("Fishing boats wait out the storm in the outer basin.") +
                                "</aside>";
    const std::string teaser =
        "<figure><a href=\"/other\"><img src=\"t.jpg\"></a><figcaption><h3><a "
        "href=\"/other\">Ferry fares rise again for the winter season</a></h3></figcaption>"
        "</figure>";
    const std::string linked =
        "<figure><img src=\"t.jpg\"><figcaption><a href=\"/other\">Ferry fares rise again for "
        "the winter season</a></figcaption></figure>";
    const std::string hidden =
        "<figure><img src=\"t.jpg\"><figcaption style=\"display: none\">Ferry fares rise again "
        "for the winter season</figcaption></figure>";
    Article beside = parse_html_article(page(gallery + story("")), "x");
    CHECK_FALSE(has(beside, "Fishing boats"));
    Article outside = parse_html_article(
        page("<div class=\"teasers\">" + figure("Ferry fares rise again for the winter season") +
             "</div>" + story("")),
        "x");
    CHECK_FALSE(has(outside, "Ferry fares"));
    for (const std::string& inside : {teaser, linked, hidden}) {
        INFO(inside);
        Article a = parse_html_article(page(story("", inside)), "x");
        CHECK(a.paragraphs == Paragraphs{kLead, kMiddle, kLast});
    }
}

TEST_CASE("a caption repeating a paragraph, or with no story, is not added", "[html][caption]") {
    Article repeated = parse_html_article(page(story("", figure(kMiddle))), "x");
    CHECK(repeated.paragraphs == Paragraphs{kLead, kMiddle, kLast});
    // A page whose only text is a caption has no story for it to follow.
    for (const std::string& body :
         {figure(kCaption), "<div class=\"media\"><img src=\"c.jpg\"><p class=\"caption\">" +
                                kCaption + "</p></div>"}) {
        INFO(body);
        Article alone = parse_html_article(page(body), "x");
        CHECK(alone.paragraphs.empty());
    }
}
