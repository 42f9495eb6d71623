"""Unicode ranges of the scripts the tool tells apart (one definition for every module)."""

# CJK unified ideographs (with extension A) and the compatibility block
HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
