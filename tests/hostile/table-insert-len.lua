-- tries: table.insert at position 1 of a table whose __len claims 2^40 elements (C shifting loop)
function on_action(id)
  local t = setmetatable({}, {__len = function() return 1 << 40 end})
  table.insert(t, 1, "x") -- @error
end
