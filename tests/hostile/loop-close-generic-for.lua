-- tries: a generic for whose fourth (closing) value loops in __close when the budget stops the loop
function on_action(id)
  local closer = setmetatable({}, {__close = function() while true do end end})
  for i in function() return 1 end, nil, nil, closer do end -- @error
end
