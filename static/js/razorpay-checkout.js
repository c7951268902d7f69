/* Opens Razorpay Standard Checkout (redirect mode) with the options the page carries.
   Razorpay posts the result to our callback_url; nothing is decided in the browser. */
(function () {
  "use strict";
  var button = document.getElementById("razorpay-pay");
  var unavailable = document.getElementById("razorpay-unavailable");
  if (!button) { return; }
  var options;
  try {
    options = JSON.parse(button.getAttribute("data-options"));
  } catch (e) {
    return;
  }
  function open() {
    if (typeof window.Razorpay !== "function") {
      if (unavailable) { unavailable.hidden = false; }
      return;
    }
    new window.Razorpay(options).open();
  }
  button.hidden = false;
  button.addEventListener("click", open);
  if (button.getAttribute("data-autoopen") === "1" && typeof window.Razorpay === "function") {
    open();
  }
})();
