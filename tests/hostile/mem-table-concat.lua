-- tries: table.concat of many large pieces
function setup()
  local t = {}
  for i = 1, 50 do t[i] = ("x"):rep(1000000) end
  return table.concat(t) -- @error
end
