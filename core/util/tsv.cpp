#include "util/tsv.h"

namespace unveil {

std::vector<TsvRow> split_tsv(std::string_view t) {
  std::vector<TsvRow> rows;
  std::size_t i = 0, line = 1;
  while (i < t.size()) {
    TsvRow row;
    row.line = line;
    std::string field;
    for (;;) {
      if (i < t.size() && t[i] == '"') {
        ++i;
        while (i < t.size()) {
          if (t[i] == '"') {
            if (i + 1 < t.size() && t[i + 1] == '"') {
              field.push_back('"');
              i += 2;
              continue;
            }
            ++i;
            break;
          }
          if (t[i] == '\n') ++line;
          field.push_back(t[i++]);
        }
      }
      while (i < t.size() && t[i] != '\t' && t[i] != '\n')
        field.push_back(t[i++]);
      if (!field.empty() && field.back() == '\r') field.pop_back();
      row.fields.push_back(std::move(field));
      field.clear();
      if (i >= t.size()) break;
      if (t[i] == '\t') {
        ++i;
        continue;
      }
      ++i;  // the newline
      ++line;
      break;
    }
    if (!(row.fields.size() == 1 && row.fields[0].empty())) rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace unveil
