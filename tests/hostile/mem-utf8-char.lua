-- tries: build a huge string with utf8.char from many code points
function on_action(id)
  local cps = {}
  for i = 1, 200 do cps[i] = 0x10FFFF end
  local s = utf8.char(table.unpack(cps))
  local parts = {}
  while true do parts[#parts + 1] = utf8.char(table.unpack(cps)) .. s .. #parts end -- @error
end
