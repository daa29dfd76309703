// Passwords of 10+ characters that top the public breach lists; refused at sign-up and password change.
export const commonPasswords = new Set([
  "1234567890", "0123456789", "0987654321", "12345678910", "123456789a", "1234567890a", "a123456789",
  "qwertyuiop", "qwerty1234", "qwerty12345", "qwerty123456", "1q2w3e4r5t", "1q2w3e4r5t6y", "q1w2e3r4t5",
  "q1w2e3r4t5y6", "1qaz2wsx3edc", "zaq12wsxcde3", "asdfghjkl1", "asdfghjkl;", "zxcvbnm123", "qazwsxedc123",
  "password12", "password123", "password1234", "password12345", "passw0rd123", "p@ssw0rd123", "p@ssword123",
  "iloveyou12", "iloveyou123", "abcdefghij", "abcdefghijk", "abcd123456", "abc1234567", "abcdef1234",
  "1111111111", "0000000000", "2222222222", "5555555555", "6666666666", "7777777777", "8888888888", "9999999999",
  "aaaaaaaaaa", "1234512345", "1231231231", "1212121212", "1122334455", "1020304050", "9876543210",
  "football123", "baseball123", "basketball", "basketball1", "superman123", "sunshine123", "princess123",
  "dragon1234", "monkey1234", "letmein123", "welcome123", "welcome1234", "trustno1234", "administrator",
  "admin12345", "admin123456", "changeme123", "computer123", "starwars123", "whatever123", "michael123",
  "charlie123", "jennifer123", "liverpool1", "chocolate1", "butterfly1", "mypassword", "mypassword1",
  "mypassword123", "myspace123", "samsung123", "internet123", "qwertyuiop1", "qwertyuiop123", "1qazxsw23edc",
  "passwordpassword", "secret1234", "testtest12", "test123456", "test1234567", "google1234", "facebook123",
]);
