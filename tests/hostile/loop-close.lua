-- tries: a to-be-closed variable whose __close loops when the budget error unwinds through it
function on_action(id)
  local x <close> = setmetatable({}, {__close = function() while true do end end}) -- @error
  while true do end -- @error
end
