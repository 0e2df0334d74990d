-- tries: table.concat of many references to one large piece
function setup()
  local big, t = ("0123456789"):rep(100000), {}
  for i = 1, 100 do t[i] = big end
  return table.concat(t) -- @error
end
