// Words of the smart search (智能搜索): the box in the workbench header and the results page.
// zh (default) and en, same keys. Terms follow GLOSSARY.md.
export const searchZh = {
  navSearch: "智能搜索",
  searchBoxPlaceholder: "搜索案件:标题、描述、地址、处理意见…",
  searchBoxLabel: "搜索案件",
  searchPageHint: "多个词用空格分开,须全部出现;中文按字词匹配(也可只输入一两个字),也可输入案件编号。",
  searchResultsTotal: "找到 {n} 件",
  searchResultsCapped: "找到超过 {n} 件,按相关度和时间列出前 {shown} 件;可加筛选条件缩小范围",
  searchNoResults: "没有找到相关案件",
  searchEmptyQuery: "请输入要搜索的内容",
  searchMatchedIn: "匹配:",
  searchField_title: "标题",
  searchField_code: "编号",
  searchField_address: "地址",
  searchField_description: "描述",
  searchField_note: "处理记录",
  searchFromNote: "处理记录",
  searchFilters: "筛选",
};

export const searchEn: Record<keyof typeof searchZh, string> = {
  navSearch: "Search",
  searchBoxPlaceholder: "Search cases: title, description, address, notes…",
  searchBoxLabel: "Search cases",
  searchPageHint:
    "Separate words with spaces; all must occur. Chinese matches by characters (one or two are enough); a case code works too.",
  searchResultsTotal: "{n} found",
  searchResultsCapped:
    "More than {n} found; the first {shown} by relevance and time are listed — add filters to narrow them",
  searchNoResults: "No matching cases",
  searchEmptyQuery: "Type something to search for",
  searchMatchedIn: "Matched in:",
  searchField_title: "title",
  searchField_code: "code",
  searchField_address: "address",
  searchField_description: "description",
  searchField_note: "notes",
  searchFromNote: "Note",
  searchFilters: "Filters",
};
