-- tries: loop inside a table.sort comparator (called from C)
function ending(id)
  local t = {3, 1, 2}
  table.sort(t, function(a, b) while true do end end) -- @error
end
