// Text: a text block with a cursor, its file state, and the functions scripts use to
// read and write it.

#include <algorithm>

#include "defs.hh"

namespace whisk::rna {
using namespace define;
using namespace dna;

namespace {

using D = StructDef<Text>;
constexpr uint32_t PARAMS = ID_RECALC_PARAMETERS;

bool is_continuation(char c) { return (uint8_t(c) & 0xC0) == 0x80; }

/** Characters (code points) of UTF-8 text. */
int32_t char_count(std::string_view text)
{
  return int32_t(std::count_if(text.begin(), text.end(), [](char c) { return !is_continuation(c); }));
}

int32_t line_count(const Text &text) { return int32_t(std::count(text.body.begin(), text.body.end(), '\n')) + 1; }

/** Byte range of a line. */
std::pair<size_t, size_t> line_span(const Text &text, int32_t line)
{
  size_t start = 0;
  for (int32_t i = 0; i < line; i++) {
    const size_t newline = text.body.find('\n', start);
    if (newline == std::string::npos) {
      break;
    }
    start = newline + 1;
  }
  const size_t end = std::min(text.body.find('\n', start), text.body.size());
  return {start, end};
}

/** Byte offset of the cursor, which is clamped into the text first. */
size_t cursor_offset(Text &text)
{
  text.current_line = std::clamp(text.current_line, 0, line_count(text) - 1);
  const auto [start, end] = line_span(text, text.current_line);
  const std::string_view line(text.body.data() + start, end - start);
  text.current_character = std::clamp(text.current_character, 0, char_count(line));
  size_t offset = 0;
  for (int32_t c = 0; c < text.current_character; c++) {
    offset++;
    while (offset < line.size() && is_continuation(line[offset])) {
      offset++;
    }
  }
  return start + offset;
}

/** Inserts at the cursor and moves the cursor after the inserted text. */
void insert(Text &text, std::string_view value)
{
  text.body.insert(cursor_offset(text), value);
  const size_t last_newline = value.rfind('\n');
  const int32_t newlines = int32_t(std::count(value.begin(), value.end(), '\n'));
  if (last_newline == std::string_view::npos) {
    text.current_character += char_count(value);
  }
  else {
    text.current_line += newlines;
    text.current_character = char_count(value.substr(last_newline + 1));
  }
  text.is_dirty = true;
}

void clear(Text &text)
{
  text.body.clear();
  text.current_line = 0;
  text.current_character = 0;
  text.is_dirty = true;
}

}  // namespace

void define_text(BlenderRNA &rna)
{
  D def = struct_<Text>(rna, "Text");
  def.ui("Text", "A text block: a script or notes stored in the file");

  def.string("filepath", &Text::filepath)
      .ui("File Path", "File the text is read from and saved to")
      .recalc(PARAMS);
  def.boolean("is_dirty", &Text::is_dirty)
      .ui("Dirty", "Whether the text has changes not saved to its file")
      .read_only();
  def.boolean("is_modified", &Text::is_modified)
      .ui("Modified", "Whether the file changed on disk since the text was loaded")
      .read_only();
  def.boolean("is_in_memory", &Text::is_in_memory)
      .ui("Memory", "Whether the text lives only in the blend-file, with no file of its own")
      .read_only();
  def.boolean("use_module", &Text::use_module)
      .ui("Register", "Run the text as a Python module when the file loads")
      .recalc(PARAMS);

  def.integer("current_character", &Text::current_character)
      .ui("Current Character", "Cursor position within its line, in characters")
      .subtype(PropertySubtype::Unsigned)
      .range(0, INT_HUGE)
      .recalc(PARAMS)
      .get()
      ->set_int = [](const PointerRNA &p, int, int64_t v) {
    Text &text = D::data(p);
    text.current_character = int32_t(v);
    cursor_offset(text); /* clamps to the line */
  };
  /* As in Blender, an index outside the text moves the cursor to the last line. */
  def.integer("current_line_index", &Text::current_line)
      .ui("Current Line Index", "Line of the cursor")
      .recalc(PARAMS)
      .get()
      ->set_int = [](const PointerRNA &p, int, int64_t v) {
    Text &text = D::data(p);
    const int32_t lines = line_count(text);
    text.current_line = (v >= 0 && v < lines) ? int32_t(v) : lines - 1;
    text.current_character = 0;
  };

  def.function("clear", "Remove all text", [](FunctionCall &call) {
    clear(D::data(call.self));
    kernel::id_tag_update(call.self.owner_id, PARAMS);
  });
  FunctionRNA &write = def.function(
      "write", "Insert text at the cursor, leaving the cursor after it", [](FunctionCall &call) {
        insert(D::data(call.self), std::get<std::string>(call.args[0]));
        kernel::id_tag_update(call.self.owner_id, PARAMS);
      });
  parameter(write, "text", PropertyType::String, nullptr, PARM_REQUIRED)
      .default_string("Text")
      .ui("Text", "Text to insert");
  FunctionRNA &from_string = def.function(
      "from_string", "Replace all text", [](FunctionCall &call) {
        Text &text = D::data(call.self);
        clear(text);
        insert(text, std::get<std::string>(call.args[0]));
        kernel::id_tag_update(call.self.owner_id, PARAMS);
      });
  parameter(from_string, "text", PropertyType::String, nullptr, PARM_REQUIRED)
      .default_string("Text")
      .ui("Text", "The new text");
  FunctionRNA &as_string = def.function("as_string", "The whole text as one string",
                                        [](FunctionCall &call) {
                                          call.result = D::data(call.self).body;
                                        });
  parameter(as_string, "text", PropertyType::String, nullptr, PARM_OUTPUT)
      .default_string("Text")
      .ui("Text", "The whole text");
}

}  // namespace whisk::rna
