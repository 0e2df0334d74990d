-- tries: an xpcall handler that raises again and again (error in error handling)
local function h(m) error(m) end
function on_action(id)
  xpcall(function() error("first") end, h) -- @error
  error("after") -- @error
end
